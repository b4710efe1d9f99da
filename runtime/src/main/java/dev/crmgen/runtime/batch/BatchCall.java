package dev.crmgen.runtime.batch;

import java.util.List;

/**
 * Sends one chunk of inputs as one HubSpot batch request (body {@code {"inputs":[…]}}). Generated clients pass a
 * lambda over their blocking batch method; retries of that request happen inside it (in the
 * {@link dev.crmgen.runtime.ApiInvoker}).
 *
 * @param <I> the input type
 * @param <R> the result type
 */
@FunctionalInterface
public interface BatchCall<I, R> {
    /**
     * Sends the chunk.
     *
     * @throws RuntimeException ({@link dev.crmgen.runtime.error.ApiException} and subclasses) when the request as a
     *     whole failed
     */
    BatchResponse<R> send(List<I> chunk);
}
