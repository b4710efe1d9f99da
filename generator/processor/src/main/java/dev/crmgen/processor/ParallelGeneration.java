package dev.crmgen.processor;

import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Generates the specs of one round side by side: generation is pure and single-threaded, and a build machine has
 * more than one core. Results come back in the order of the requests, each with the exception that ended it, so that
 * reporting on javac's thread reads the same whatever the timing; no thread outlives the call.
 */
final class ParallelGeneration {
    /** Generation has no network wait; this bounds only how long a round waits for its threads to wind down. */
    static final long SHUTDOWN_SECONDS = 60;

    /** A spec to generate, or null for an annotation whose spec was not found. */
    record Request(SpecSource spec, GeneratorOptions options) {}

    /** What one generation gave: its result, or the exception or error that ended it. */
    record Outcome(GenerationResult result, Throwable failure) {}

    private ParallelGeneration() {}

    /**
     * Runs {@code generator} on every non-null request, on up to {@code maxThreads} threads (at most one per request;
     * with one, everything runs on the caller's thread). The outcome at index i belongs to request i; it is null where
     * the request is null.
     */
    static List<Outcome> run(
            List<Request> requests,
            BiFunction<SpecSource, GeneratorOptions, GenerationResult> generator,
            int maxThreads) {
        int work = 0;
        for (Request r : requests) {
            work += r == null ? 0 : 1;
        }
        int threads = Math.min(work, maxThreads);
        if (threads <= 1) {
            List<Outcome> outcomes = new ArrayList<>(requests.size());
            for (Request r : requests) {
                outcomes.add(r == null ? null : call(r, generator));
            }
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Request request : requests) {
                futures.add(request == null ? null : pool.submit(() -> call(request, generator)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future == null ? null : await(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            awaitTermination(pool);
        }
    }

    private static Outcome call(Request request, BiFunction<SpecSource, GeneratorOptions, GenerationResult> generator) {
        try {
            return new Outcome(generator.apply(request.spec(), request.options()), null);
        } catch (RuntimeException | Error e) {
            return new Outcome(null, e);
        }
    }

    /** The outcome of a generation; the processor's thread waits for it however long generation takes. */
    private static Outcome await(Future<Outcome> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    // call() catches everything it can; what is left is reported as that request's failure.
                    return new Outcome(null, e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "crmgen-generate-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
