package dev.crmgen.benchmarks.harness;

import dev.crmgen.benchmarks.crmgen.notes.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.benchmarks.crmgen.notes.NotesClient;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.ClientOptions;
import java.util.List;
import java.util.Map;

/**
 * A fresh JVM that builds crmgen's generated client and sends one note update, as a user's program would.
 * Usage: {@code FirstRequestCrmgen <baseUrl> <accessToken>}. Its class path holds only this module's classes and
 * the client's run-time dependencies.
 */
public final class FirstRequestCrmgen {

    private FirstRequestCrmgen() {}

    public static void main(String[] args) {
        NotesClient client = new NotesClient(
                ClientOptions.builder().baseUrl(args[0]).accessToken(args[1]).build());
        Object response = client.batchUpdate(new BatchInputSimplePublicObjectBatchInput(
                List.of(new SimplePublicObjectBatchInput("512", null, null, Map.of("hs_note_body", "Called back.")))));
        if (response == null) {
            throw new IllegalStateException("no response");
        }
    }
}
