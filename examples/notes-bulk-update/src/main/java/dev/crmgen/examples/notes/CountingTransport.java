package dev.crmgen.examples.notes;

import dev.crmgen.runtime.HttpTransport;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps the client's transport to count every HTTP attempt, by status, so the summary can say how many requests
 * were retries and why. The runtime retries inside one batch call, so only the wire sees every attempt.
 */
final class CountingTransport implements HttpTransport {
    private final HttpTransport delegate;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger ioErrors = new AtomicInteger();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    CountingTransport(HttpTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        attempts.incrementAndGet();
        try {
            Response response = delegate.send(request);
            statuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
            return response;
        } catch (IOException e) {
            ioErrors.incrementAndGet();
            throw e;
        }
    }

    int attempts() {
        return attempts.get();
    }

    /** Attempts that ended without any response (connection closed, reset, timed out). */
    int ioErrors() {
        return ioErrors.get();
    }

    /** Responses by HTTP status, ascending. */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }
}
