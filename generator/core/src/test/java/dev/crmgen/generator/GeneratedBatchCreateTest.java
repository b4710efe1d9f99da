package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.diagnostic.Diagnostic;
import dev.crmgen.runtime.http.HttpTransport;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client generated from HubSpot's notes-v3.json, compiled and called: a batch create of inputs without ids gets
 * a trace id per input, and results answered in another order are matched on the echoed {@code objectWriteTraceId}.
 */
class GeneratedBatchCreateTest {
    private static final String PACKAGE = "com.acme.hubspot.notes";
    private static final Pattern SENT_INPUT =
            Pattern.compile("\"objectWriteTraceId\":\"([^\"]*)\",\"properties\":\\{\"hs_note_body\":\"([^\"]*)\"}");

    /** Calls {@code batchCreateAll} with notes "a", "b", "c" and describes each outcome. */
    private static final String DRIVER = """
            package com.acme.hubspot.notes;

            import dev.crmgen.runtime.ClientOptions;
            import dev.crmgen.runtime.http.HttpTransport;
            import dev.crmgen.runtime.ratelimit.RetryPolicy;
            import dev.crmgen.runtime.batch.BatchReport;
            import java.util.ArrayList;
            import java.util.List;

            public final class CreateDriver {
                private CreateDriver() {
                }

                public static List<String> run(HttpTransport transport) {
                    NotesClient client = new NotesClient(ClientOptions.builder().accessToken("test-token-not-a-secret")
                            .transport(transport).retryPolicy(RetryPolicy.none()).build());
                    List<SimplePublicObjectBatchInputForCreate> inputs = new ArrayList<>();
                    for (String body : List.of("a", "b", "c")) {
                        inputs.add(SimplePublicObjectBatchInputForCreate.builder().associations(List.of())
                                .property("hs_note_body", body).build());
                    }
                    List<String> described = new ArrayList<>();
                    for (var outcome : client.batchCreateAll(inputs).outcomes()) {
                        if (outcome instanceof BatchReport.Succeeded<SimplePublicObjectBatchInputForCreate,
                                SimplePublicObject> s) {
                            described.add(s.input().properties().get("hs_note_body") + " -> "
                                    + s.result().properties().get("hs_note_body") + " as " + s.result().id()
                                    + (s.input() == inputs.get(s.index()) ? "" : " (not the caller's input)"));
                        } else {
                            described.add(outcome.toString());
                        }
                    }
                    return described;
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void keylessCreatesAnsweredInReverseAreCreditedByTraceId() throws Exception {
        Path spec = Specs.shared("specs/hubspot/notes/notes-v3.json");
        GenerationResult result = CrmGenerator.generate(SpecSource.file(spec), new GeneratorOptions(PACKAGE, null));
        assertFalse(
                result.hasErrors(),
                () -> result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        List<GeneratedFile> files = new ArrayList<>(result.files());
        files.add(new GeneratedFile(PACKAGE + ".CreateDriver", DRIVER));
        Path classes = JavaCompilation.compile(files, dir);

        List<String> traceIds = Collections.synchronizedList(new ArrayList<>());
        HttpTransport reversingServer = request -> {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            List<String> created = new ArrayList<>();
            Matcher m = SENT_INPUT.matcher(body);
            for (int n = 0; m.find(); n++) {
                traceIds.add(m.group(1));
                created.add(
                        0,
                        "{\"id\":\"10" + n + "\",\"archived\":false,\"createdAt\":\"2024-05-02T09:31:12.345Z\","
                                + "\"updatedAt\":\"2024-05-02T09:31:12.345Z\",\"objectWriteTraceId\":\"" + m.group(1)
                                + "\","
                                + "\"properties\":{\"hs_note_body\":\"" + m.group(2) + "\"}}");
            }
            String response = "{\"status\":\"COMPLETE\",\"startedAt\":\"2024-05-02T09:31:12.120Z\","
                    + "\"completedAt\":\"2024-05-02T09:31:12.402Z\",\"results\":[" + String.join(",", created) + "]}";
            return new HttpTransport.Response(
                    201,
                    HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                    response.getBytes(StandardCharsets.UTF_8));
        };
        List<?> described;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, GeneratedBatchCreateTest.class.getClassLoader())) {
            described = (List<?>) loader.loadClass(PACKAGE + ".CreateDriver")
                    .getMethod("run", HttpTransport.class)
                    .invoke(null, reversingServer);
        }

        assertEquals(List.of("a -> a as 100", "b -> b as 101", "c -> c as 102"), described);
        assertEquals(3, new HashSet<>(traceIds).size(), "one trace id per input: " + traceIds);
        assertTrue(traceIds.stream().allMatch(t -> t.startsWith("crmgen-")), traceIds::toString);
    }
}
