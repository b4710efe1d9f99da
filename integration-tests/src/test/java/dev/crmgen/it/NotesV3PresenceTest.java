package dev.crmgen.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The Maven-plugin half of this build needs HubSpot's notes-v3.json from ../shared (or -Dcrmgen.shared); without
 * it the {@code hubspot-notes-v3} profiles are off, the client is not generated, and this test says so and skips.
 */
class NotesV3PresenceTest {
    @Test
    void notesV3ClientIsGeneratedWhenHubSpotsSpecIsPresent() {
        assumeTrue(
                SharedSpecs.notesV3Present(),
                () -> "HubSpot's notes-v3.json not found at " + SharedSpecs.notesV3()
                        + " (set -Dcrmgen.shared=<dir holding specs/hubspot>): the Maven-plugin client and its tests are skipped");
        assertTrue(
                SharedSpecs.notesV3ClientCompiled(),
                () -> SharedSpecs.notesV3() + " exists but " + SharedSpecs.NOTES_V3_CLIENT
                        + " was not generated: the hubspot-notes-v3 profiles activate on ../shared beside the repository or on"
                        + " -Dcrmgen.shared given on the command line");
    }
}
