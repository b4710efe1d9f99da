package dev.crmgen.generator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** HubSpot's published specs beside the repository (property {@code crmgen.shared}); tests skip visibly without them. */
final class Specs {
    private Specs() {}

    static Path shared(String relative) {
        String shared = System.getProperty("crmgen.shared");
        Path path = shared == null ? null : Path.of(shared).resolve(relative);
        assumeTrue(
                path != null && Files.exists(path),
                "skipped: HubSpot spec " + relative
                        + " not found (set -Dcrmgen.shared to the folder holding specs/hubspot)");
        return path;
    }
}
