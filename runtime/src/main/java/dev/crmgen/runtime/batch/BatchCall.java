package dev.crmgen.runtime.batch;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

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

    /**
     * A call that sends each chunk through {@code send} with {@code context}, such as a client's per-call options;
     * generated clients pass a method reference, which costs their class fewer constants than a lambda each.
     */
    static <I, R, C> BatchCall<I, R> with(BiFunction<List<I>, C, BatchResponse<R>> send, C context) {
        Objects.requireNonNull(send, "send");
        return chunk -> send.apply(chunk, context);
    }
}
