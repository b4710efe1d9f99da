package dev.crmgen.benchmarks.harness;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback endpoint that notes when a request first arrives ({@link System#nanoTime()}, which on Linux is the
 * system-wide monotonic clock, so it compares with the moment the harness started the client's JVM) and answers
 * with HubSpot's 200 for one updated note.
 */
final class FirstRequestServer implements AutoCloseable {

    static final String TOKEN = "footprint-token";
    private static final byte[] BODY = ("{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"512\",\"properties\":"
                    + "{\"hs_note_body\":\"Called back.\"},\"createdAt\":\"2019-10-30T03:30:17.883Z\","
                    + "\"updatedAt\":\"2024-05-02T09:31:12.345Z\",\"archived\":false}],"
                    + "\"startedAt\":\"2024-05-02T09:31:12.120Z\",\"completedAt\":\"2024-05-02T09:31:12.402Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicLong firstArrival = new AtomicLong();

    FirstRequestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            firstArrival.compareAndSet(0, System.nanoTime());
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            boolean authorized =
                    ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? BODY.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (authorized) {
                    out.write(BODY);
                }
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        firstArrival.set(0);
    }

    /** nanoTime of the first request since {@link #reset()}, or 0 if none came. */
    long firstArrival() {
        return firstArrival.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
