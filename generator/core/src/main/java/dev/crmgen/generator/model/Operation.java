package dev.crmgen.generator.model;

import java.util.List;

/**
 * One HTTP operation and the client method that calls it.
 *
 * @param body the JSON request body, or null
 * @param result what the method returns
 * @param batch set when this is a HubSpot batch operation, which the client also offers for any number of inputs
 */
public record Operation(
        String operationId,
        String methodName,
        String httpMethod,
        String path,
        String summary,
        String description,
        boolean deprecated,
        boolean retrySafe,
        List<Parameter> parameters,
        RequestBody body,
        Result result,
        Batch batch,
        String pointer) {
    public Operation {
        parameters = List.copyOf(parameters);
    }

    /** What a client method returns, settled from the operation's 2xx responses. */
    public sealed interface Result {
        /** No 2xx response has a body. */
        record Empty(List<Integer> statuses) implements Result {
            public Empty {
                statuses = List.copyOf(statuses);
            }
        }

        /** Every 2xx response with a body has the same type. */
        record Single(TypeRef type, List<Integer> statuses, List<Integer> emptyStatuses) implements Result {
            public Single {
                statuses = List.copyOf(statuses);
                emptyStatuses = List.copyOf(emptyStatuses);
            }
        }

        /** Several types: a {@link TypeDecl.ResponseUnionDecl}. */
        record Union(String unionName) implements Result {}
    }

    /**
     * A HubSpot batch operation: the request holds {@code inputs}, the responses {@code results} and maybe {@code errors}.
     *
     * @param requestType the request record
     * @param inputType the element type of {@code inputs}
     * @param resultType the element type of {@code results}
     */
    public record Batch(String requestType, String inputType, String resultType) {}
}
