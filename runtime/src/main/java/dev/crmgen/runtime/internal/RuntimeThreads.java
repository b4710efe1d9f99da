package dev.crmgen.runtime.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads for asynchronous calls and batch work, created on demand and retired when idle. */
public final class RuntimeThreads {
    private RuntimeThreads() {}

    private static final class Holder {
        static final ExecutorService EXECUTOR = create();

        private static ExecutorService create() {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "crmgen-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            // Calls block on I/O, so grow with demand; idle threads end after 30 s.
            return new ThreadPoolExecutor(
                    0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
        }
    }

    public static Executor executor() {
        return Holder.EXECUTOR;
    }
}
