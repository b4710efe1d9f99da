package dev.crmgen.benchmarks.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmgen.benchmarks.openapi.client.ApiClient;
import dev.crmgen.benchmarks.openapi.model.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.benchmarks.openapi.model.BatchResponseSimplePublicObject;
import dev.crmgen.benchmarks.openapi.model.BatchResponseSimplePublicObjectWithErrors;
import dev.crmgen.benchmarks.openapi.model.SimplePublicObjectBatchInput;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * OpenAPI Generator 7.25.0's java/native models with the ObjectMapper its generated {@code ApiClient} configures —
 * the same mapper its {@code BatchApi} serializes requests and deserializes responses with.
 */
public final class OpenApiGeneratorSide {

    public static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();

    private OpenApiGeneratorSide() {}

    public static BatchInputSimplePublicObjectBatchInput request(List<Payloads.NoteUpdate> updates) {
        BatchInputSimplePublicObjectBatchInput request = new BatchInputSimplePublicObjectBatchInput();
        for (Payloads.NoteUpdate u : updates) {
            request.addInputsItem(new SimplePublicObjectBatchInput()
                    .id(u.id())
                    .idProperty(u.idProperty())
                    .objectWriteTraceId(u.traceId())
                    .properties(u.properties()));
        }
        return request;
    }

    public static byte[] encode(BatchInputSimplePublicObjectBatchInput request) throws IOException {
        return MAPPER.writeValueAsBytes(request);
    }

    /** What its generated {@code BatchApi} does with a request body: {@code writeValueAsBytes}, then ofByteArray. */
    public static long send(BatchInputSimplePublicObjectBatchInput request, BodySink sink) throws IOException {
        return sink.send(HttpRequest.BodyPublishers.ofByteArray(encode(request)));
    }

    public static BatchResponseSimplePublicObject decode200(byte[] json) throws IOException {
        return MAPPER.readValue(json, BatchResponseSimplePublicObject.class);
    }

    /**
     * The 207 body read as its own model. (The generated {@code BatchApi} itself reads every 2xx body as the 200
     * model and drops {@code errors}; a user who needs the errors has to do this.)
     */
    public static BatchResponseSimplePublicObjectWithErrors decode207(byte[] json) throws IOException {
        return MAPPER.readValue(json, BatchResponseSimplePublicObjectWithErrors.class);
    }
}
