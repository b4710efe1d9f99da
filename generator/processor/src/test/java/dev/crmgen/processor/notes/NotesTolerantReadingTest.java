package dev.crmgen.processor.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.hubspot.notes.BatchInputSimplePublicObjectBatchInput;
import com.acme.hubspot.notes.BatchUpdateResponse;
import com.acme.hubspot.notes.NotesClient;
import com.acme.hubspot.notes.SimplePublicObject;
import com.acme.hubspot.notes.SimplePublicObjectBatchInput;
import com.acme.hubspot.notes.StandardError;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonDeviation;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * 207 bodies in the shapes HubSpot documents and sends, which break the spec (required {@code links}/{@code errors}
 * missing, {@code subCategory: {}}, a {@code context} string, numbers as strings, nulls, extra fields), read through
 * the generated notes client. The bodies are raw JSON resources under {@code responses/}.
 */
class NotesTolerantReadingTest {
    private static final String TOKEN = "test-token-not-a-secret";

    private static String fixture(String name) {
        try (InputStream in = NotesTolerantReadingTest.class.getResourceAsStream("/responses/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NotesClient client(String body, boolean strict) {
        HttpHeaders headers = HttpHeaders.of(
                Map.of("Content-Type", List.of("application/json"), "X-HubSpot-Correlation-Id", List.of("corr-207")),
                (a, b) -> true);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpTransport transport = request -> new HttpTransport.Response(207, headers, bytes);
        return new NotesClient(ClientOptions.builder()
                .accessToken(TOKEN)
                .transport(transport)
                .retryPolicy(RetryPolicy.none())
                .strictResponses(strict)
                .build());
    }

    private static BatchInputSimplePublicObjectBatchInput inputs(String... ids) {
        return new BatchInputSimplePublicObjectBatchInput(noteInputs(ids));
    }

    private static List<SimplePublicObjectBatchInput> noteInputs(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> SimplePublicObjectBatchInput.builder()
                        .id(id)
                        .property("hs_note_body", "note " + id)
                        .build())
                .toList();
    }

    private static BatchUpdateResponse.MultiStatus tolerant(String fixture) {
        BatchUpdateResponse response = client(fixture(fixture), false).batchUpdate(inputs("512", "513"));
        return assertInstanceOf(BatchUpdateResponse.MultiStatus.class, response);
    }

    private static void assertDeviation(JsonDeviation d, String path, String expected, String found, JsonValue raw) {
        assertEquals(path, d.path(), d.toString());
        assertEquals(expected, d.expected(), d.toString());
        assertEquals(found, d.found(), d.toString());
        assertEquals(raw, d.raw(), d.toString());
    }

    @Test
    void bodyThatMatchesTheSpecHasNoDeviations() {
        BatchUpdateResponse response =
                client(NotesCodecRoundTripTest.MULTI_STATUS, true).batchUpdate(inputs("512"));
        assertEquals(List.of(), response.deviations());
        BatchUpdateResponse tolerant =
                client(NotesCodecRoundTripTest.MULTI_STATUS, false).batchUpdate(inputs("512"));
        assertEquals(List.of(), tolerant.deviations());
        assertEquals(response, tolerant);
    }

    @Test
    void errorEntryWithoutLinksOrErrorsDecodesWithBothMissingPropertiesReported() {
        BatchUpdateResponse.MultiStatus partial = tolerant("207-error-without-links-or-errors.json");

        StandardError error = partial.body().errors().get(0);
        assertEquals("OBJECT_NOT_FOUND", error.category());
        assertEquals(List.of("513"), error.context().get("ids"));
        assertEquals(List.of(), error.errors());
        assertEquals(Map.of(), error.links());
        assertEquals("512", partial.body().results().get(0).id());
        assertEquals(2, partial.deviations().size(), partial.deviations().toString());
        assertDeviation(
                partial.deviations().get(0),
                "$.errors[0].errors",
                "the required property \"errors\"",
                "nothing",
                JsonValue.NULL);
        assertDeviation(
                partial.deviations().get(1),
                "$.errors[0].links",
                "the required property \"links\"",
                "nothing",
                JsonValue.NULL);
    }

    @Test
    void contextStringsAreReportedWithTheirRawValueAndEmptySubCategoryObjectIsKept() {
        BatchUpdateResponse.MultiStatus partial = tolerant("207-subcategory-object-and-context-strings.json");

        List<StandardError> errors = partial.body().errors();
        assertEquals(new JsonValue.JsonObject(Map.of()), errors.get(0).subCategory());
        assertNull(errors.get(0).errors().get(0).context(), "an optional map sent as a string is absent");
        assertEquals("NOT_FOUND", errors.get(0).errors().get(0).code());
        assertEquals(Map.of(), errors.get(1).context(), "a required map sent as a string stands in empty");
        assertEquals("VALIDATION_ERROR", errors.get(1).category());
        assertEquals(2, partial.deviations().size(), partial.deviations().toString());
        assertDeviation(
                partial.deviations().get(0),
                "$.errors[0].errors[0].context",
                "an object",
                "the string \"{missingScopes=[scope1, scope2]}\"",
                new JsonValue.JsonString("{missingScopes=[scope1, scope2]}"));
        assertDeviation(
                partial.deviations().get(1),
                "$.errors[1].context",
                "an object",
                "the string \"Property values were not valid for 514\"",
                new JsonValue.JsonString("Property values were not valid for 514"));
    }

    @Test
    void numbersAsStringsAndStringsAsNumbersAreConvertedLosslesslyAndNullsReadAsAbsent() {
        BatchUpdateResponse.MultiStatus partial = tolerant("207-numbers-as-strings-nulls-and-extra-fields.json");

        SimplePublicObject note = partial.body().results().get(0);
        assertEquals("512", note.id());
        assertEquals("512", note.properties().get("hs_object_id"));
        assertEquals(false, note.archived());
        assertNull(note.archivedAt());
        assertNull(note.createdAt(), "a required date-time sent as null is a documented null");
        assertEquals(1, partial.body().numErrors());
        assertEquals(List.of("513"), partial.body().errors().get(0).context().get("ids"));

        List<JsonDeviation> deviations = partial.deviations();
        assertEquals(
                List.of(
                        "$.results[0].id",
                        "$.results[0].properties.hs_object_id",
                        "$.results[0].archived",
                        "$.results[0].archivedAt",
                        "$.results[0].createdAt",
                        "$.numErrors",
                        "$.errors[0].errors",
                        "$.errors[0].links"),
                deviations.stream().map(JsonDeviation::path).toList());
        assertDeviation(
                deviations.get(0),
                "$.results[0].id",
                "a string",
                "the number 512",
                new JsonValue.JsonNumber(new BigDecimal("512")));
        assertDeviation(
                deviations.get(2),
                "$.results[0].archived",
                "a boolean",
                "the string \"false\"",
                new JsonValue.JsonString("false"));
        assertDeviation(
                deviations.get(5),
                "$.numErrors",
                "a 32-bit integer",
                "the string \"1\"",
                new JsonValue.JsonString("1"));
        assertTrue(
                deviations.get(3).expected().startsWith("an ISO-8601 date-time string"),
                deviations.get(3).expected());
    }

    @Test
    void eachShapeIsClassifiedInputByInputByBatchUpdateAll() {
        for (String fixture : List.of(
                "207-error-without-links-or-errors.json",
                "207-subcategory-object-and-context-strings.json",
                "207-numbers-as-strings-nulls-and-extra-fields.json")) {
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report =
                    client(fixture(fixture), false).batchUpdateAll(noteInputs("512", "513"));

            assertEquals(List.of(), report.unconfirmed(), fixture);
            assertEquals(1, report.succeeded().size(), fixture);
            assertEquals("512", report.succeeded().get(0).input().id(), fixture);
            assertEquals(1, report.failed().size(), fixture);
            assertEquals("513", report.failed().get(0).input().id(), fixture);
            assertEquals("OBJECT_NOT_FOUND", report.failed().get(0).error().category(), fixture);
            assertNull(report.failed().get(0).error().subCategory(), "{} or null names no subcategory: " + fixture);
        }
    }

    @Test
    void strictResponsesFailWithStatusPathAndRawBody() {
        Map<String, String> firstDeviation = Map.of(
                "207-error-without-links-or-errors.json", "$.errors[0].errors",
                "207-subcategory-object-and-context-strings.json", "$.errors[0].errors[0].context",
                "207-numbers-as-strings-nulls-and-extra-fields.json", "$.results[0].id");
        firstDeviation.forEach((fixture, path) -> {
            String body = fixture(fixture);
            ResponseDecodingException e = assertThrows(
                    ResponseDecodingException.class,
                    () -> client(body, true).batchUpdate(inputs("512", "513")),
                    fixture);
            assertEquals(207, e.status(), fixture);
            assertEquals(path, e.path(), fixture);
            assertEquals(body, e.rawBody(), fixture);
            assertEquals("corr-207", e.correlationId(), fixture);
        });
    }

    @Test
    void unreadableResultsStayUndecodableEvenWhenTolerant() {
        String body = fixture("207-results-unreadable.json");
        ResponseDecodingException e = assertThrows(
                ResponseDecodingException.class, () -> client(body, false).batchUpdate(inputs("512", "513")));
        assertEquals(207, e.status());
        assertEquals("$.results", e.path());
        assertEquals(body, e.rawBody());
        assertTrue(
                e.getMessage().contains("expected an array but found the string \"Could not update notes\""),
                e.getMessage());

        BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report =
                client(body, false).batchUpdateAll(noteInputs("512", "513"));
        assertEquals(2, report.unconfirmed().size(), "nothing in the response can be matched to an input");
    }

    @Test
    void eachTolerantResponseLogsOneWarningLineWithoutTheToken() {
        Logger logger = Logger.getLogger("dev.crmgen.runtime");
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            tolerant("207-error-without-links-or-errors.json");
        } finally {
            logger.removeHandler(handler);
        }
        List<LogRecord> warnings =
                records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size());
        String line = warnings.get(0).getMessage();
        assertTrue(line.startsWith("207 response [correlationId corr-207] departs from the spec in 2 places"), line);
        assertTrue(
                line.contains("$.errors[0].links: expected the required property \"links\" but found nothing"), line);
        assertTrue(!line.contains(TOKEN), line);
    }
}
