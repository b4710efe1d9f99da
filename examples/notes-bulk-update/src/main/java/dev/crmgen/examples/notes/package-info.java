/**
 * A command-line program that applies note updates from a CSV through a generated HubSpot notes client.
 *
 * <p>The client (package {@code dev.crmgen.examples.notes.hubspot}) is generated at compile time by crmgen's
 * annotation processor from the {@code notes-batch-update.yaml} fragment in the crmgen-spec jar.
 *
 * <p>{@link dev.crmgen.examples.notes.NotesBulkUpdate} is the command and its options; {@code JobPlan} counts what the
 * journal says is pending or changed; {@code JobRun} sends the pending rows in passes, waits out the daily limit, and
 * accounts for every row; {@code EmbeddedSandbox} starts the sandbox used without {@code --base-url}.
 */
@GenerateClient(spec = "notes-batch-update.yaml", packageName = "dev.crmgen.examples.notes.hubspot")
package dev.crmgen.examples.notes;

import dev.crmgen.runtime.GenerateClient;
