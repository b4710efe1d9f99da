package dev.crmgen.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server the sandbox answers on: a loopback port, a pool of daemon handler threads, and the reading and
 * writing of its exchanges.
 */
final class SandboxServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    /** Binds a loopback port (0 picks a free one); nothing is served before {@link #start}. */
    SandboxServer(int port, int threads) throws IOException {
        this.executor = Executors.newFixedThreadPool(threads, new DaemonThreads());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(executor);
        this.baseUri = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** Such as {@code http://127.0.0.1:41234}, known from the bind on. */
    URI baseUri() {
        return baseUri;
    }

    /** Serves every path with {@code handler}. */
    void start(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    /** Stops at once; requests in flight are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Sends the status and headers of {@code response}, announcing its whole body, and none of the body yet. */
    static void startBody(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
    }

    static void send(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        // -1 announces "no body"; 0 would mean chunked in this server's API.
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "notes-sandbox-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
