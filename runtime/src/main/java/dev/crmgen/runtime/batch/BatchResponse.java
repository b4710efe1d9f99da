package dev.crmgen.runtime.batch;

import java.util.List;

/**
 * What one batch request returned: the {@code results} and, for a 207, the {@code errors}.
 *
 * @param results the objects the server confirmed; never null
 * @param errors the errors the server reported; never null
 * @param <R> the result type
 */
public record BatchResponse<R>(List<R> results, List<BatchError> errors) {
    /** Copies both lists (null means empty). */
    public BatchResponse {
        results = results == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(results));
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A response without errors (a 200). */
    public static <R> BatchResponse<R> of(List<R> results) {
        return new BatchResponse<>(results, List.of());
    }
}
