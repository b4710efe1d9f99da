package dev.crmgen.benchmarks.json;

import dev.crmgen.benchmarks.crmgen.notes.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.benchmarks.crmgen.notes.BatchResponseSimplePublicObject;
import dev.crmgen.benchmarks.crmgen.notes.BatchResponseSimplePublicObjectWithErrors;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObject;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.http.RequestBody;
import dev.crmgen.runtime.json.Json;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/** crmgen's generated records and codecs, called the way its generated client calls them. */
public final class CrmgenSide {

    private CrmgenSide() {}

    public static BatchInputSimplePublicObjectBatchInput request(List<Payloads.NoteUpdate> updates) {
        return new BatchInputSimplePublicObjectBatchInput(inputs(updates));
    }

    public static List<SimplePublicObjectBatchInput> inputs(List<Payloads.NoteUpdate> updates) {
        return updates.stream()
                .map(u -> new SimplePublicObjectBatchInput(u.id(), u.idProperty(), u.traceId(), u.properties()))
                .toList();
    }

    public static byte[] encode(BatchInputSimplePublicObjectBatchInput request) throws IOException {
        return Json.encode(BatchInputSimplePublicObjectBatchInput.jsonCodec(), request);
    }

    /**
     * What the runtime does with a request body per call (see {@code ApiRequest} and {@code JdkHttpTransport}):
     * encodes it into pooled segments, hands their publisher to the client, and gives the segments back after.
     */
    public static long send(BatchInputSimplePublicObjectBatchInput request, BodySink sink) throws IOException {
        try (RequestBody body = RequestBody.pooled(
                out -> Json.encode(BatchInputSimplePublicObjectBatchInput.jsonCodec(), request, out))) {
            return sink.send(body.publisher());
        }
    }

    public static BatchResponseSimplePublicObject decode200(byte[] json) throws IOException {
        return Json.decode(BatchResponseSimplePublicObject.jsonCodec(), json);
    }

    public static BatchResponseSimplePublicObjectWithErrors decode207(byte[] json) throws IOException {
        return Json.decode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), json);
    }

    /** What a decoded body holds, for checking that every contender read the same thing. */
    public record Summary(int results, int errors, OffsetDateTime lastUpdatedAt) {}

    public static Summary summarize(byte[] body, boolean multiStatus) throws IOException {
        List<SimplePublicObject> results;
        int errors;
        if (multiStatus) {
            BatchResponseSimplePublicObjectWithErrors r = decode207(body);
            results = r.results();
            errors = r.errors() == null ? 0 : r.errors().size();
        } else {
            results = decode200(body).results();
            errors = 0;
        }
        return new Summary(
                results.size(), errors, results.get(results.size() - 1).updatedAt());
    }
}
