package dev.crmgen.benchmarks.harness;

import dev.crmgen.benchmarks.openapi.api.BatchApi;
import dev.crmgen.benchmarks.openapi.client.ApiClient;
import dev.crmgen.benchmarks.openapi.model.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.benchmarks.openapi.model.SimplePublicObjectBatchInput;
import java.util.Map;

/**
 * A fresh JVM that builds OpenAPI Generator's native client and sends one note update, as a user's program would.
 * Usage: {@code FirstRequestOpenApiGenerator <baseUrl> <accessToken>}. Its class path holds only this module's
 * classes and the client's run-time dependencies.
 */
public final class FirstRequestOpenApiGenerator {

    private FirstRequestOpenApiGenerator() {}

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0]);
        String authorization = "Bearer " + args[1];
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        BatchInputSimplePublicObjectBatchInput body = new BatchInputSimplePublicObjectBatchInput()
                .addInputsItem(new SimplePublicObjectBatchInput()
                        .id("512")
                        .properties(Map.of("hs_note_body", "Called back.")));
        int results = new BatchApi(client)
                .postCrmV3ObjectsNotesBatchUpdateUpdate(body)
                .getResults()
                .size();
        if (results != 1) {
            throw new IllegalStateException("expected one result, got " + results);
        }
    }
}
