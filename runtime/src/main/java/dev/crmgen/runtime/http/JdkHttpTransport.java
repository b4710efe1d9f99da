package dev.crmgen.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * {@link HttpTransport} on {@link HttpClient}; decompresses gzip bodies. Every exchange, body included, ends by its
 * {@link Request#timeout()}: when the server stalls or trickles, the exchange is cancelled (closing its connection)
 * and the call fails with {@link HttpTimeoutException}.
 */
final class JdkHttpTransport implements HttpTransport {
    private static final ConcurrentMap<Duration, JdkHttpTransport> SHARED = new ConcurrentHashMap<>();

    private final HttpClient client;

    static JdkHttpTransport shared(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        return SHARED.computeIfAbsent(connectTimeout, JdkHttpTransport::new);
    }

    JdkHttpTransport(Duration connectTimeout) {
        this(HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    JdkHttpTransport(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The client is done with a body when the exchange is over and it has finished or cancelled its reads. */
    @Override
    public boolean readsBodyOnlyWhileSending() {
        return true;
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> inFlight =
                client.sendAsync(httpRequest(request), BodyHandlers.ofByteArray());
        try {
            return response(within(inFlight, request.timeout()).get());
        } catch (InterruptedException e) {
            inFlight.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(request, e.getCause());
        }
    }

    @Override
    public CompletableFuture<Response> sendAsync(Request request, Executor executor) {
        CompletableFuture<HttpResponse<byte[]>> inFlight =
                client.sendAsync(httpRequest(request), BodyHandlers.ofByteArray());
        CompletableFuture<Response> result = within(inFlight, request.timeout())
                // Decompressing and what follows run on the caller's executor, not on the client's own threads.
                .handleAsync(
                        (response, failure) -> {
                            try {
                                if (failure != null) {
                                    throw failure(request, failure);
                                }
                                return response(response);
                            } catch (IOException e) {
                                throw new CompletionException(e);
                            }
                        },
                        executor);
        // Cancelling the returned future aborts the exchange and closes its connection.
        result.whenComplete((response, failure) -> {
            if (result.isCancelled()) {
                inFlight.cancel(true);
            }
        });
        return result;
    }

    /**
     * The exchange, failed with {@link HttpTimeoutException} unless status, headers and the whole body arrive
     * within {@code timeout}. {@link HttpRequest#timeout} alone stops counting once the headers are in, so a
     * stalled or trickling body would hold the caller forever; when this deadline passes the exchange is cancelled,
     * which makes the client abort it and close its connection.
     */
    private static CompletableFuture<HttpResponse<byte[]>> within(
            CompletableFuture<HttpResponse<byte[]>> inFlight, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> bounded =
                inFlight.copy().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return bounded.handle((response, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof TimeoutException) {
                inFlight.cancel(true);
                throw new CompletionException(
                        new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms"));
            }
            if (failure != null) {
                throw new CompletionException(cause);
            }
            return response;
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The failure as the {@link IOException} {@link #send} throws; anything else is rethrown unchecked. */
    private static IOException failure(Request request, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof IOException || cause instanceof UnresolvedAddressException) {
            return notSent(request, (Exception) cause);
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }

    private static HttpRequest httpRequest(Request request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        if ("http".equalsIgnoreCase(request.uri().getScheme())) {
            // Plain http is loopback only; skip the h2c upgrade dance.
            b.version(HttpClient.Version.HTTP_1_1);
        }
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        // The body's own segments go out as they are: no copy per attempt, as ofByteArray would make.
        RequestBody content = request.content();
        b.method(request.method(), content == null ? HttpRequest.BodyPublishers.noBody() : content.publisher());
        return b.build();
    }

    /** Failures that mean the request never left are marked so; other I/O failures pass through unchanged. */
    private static IOException notSent(Request request, Exception e) {
        if (e instanceof HttpConnectTimeoutException
                || e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException) {
            return new RequestNotSentException(
                    "could not connect to " + request.uri().getHost() + ": " + e, (IOException) e);
        }
        if (e instanceof UnresolvedAddressException) {
            return new RequestNotSentException(
                    "could not resolve " + request.uri().getHost(), e);
        }
        return (IOException) e;
    }

    private static Response response(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        String encoding = Response.first(response.headers(), "Content-Encoding");
        if (encoding != null
                && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")
                && body != null
                && body.length > 0) {
            body = gunzip(body);
        }
        return new Response(response.statusCode(), response.headers(), body);
    }

    /**
     * The body inflated, or as it came when it is not the gzip its header claims (proxies and error pages mislabel
     * bodies): the status must survive, since a 4xx says nothing was applied, and an unreadable body then fails
     * decoding with that status and the raw bytes.
     */
    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length, 1 << 24) * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException notGzip) {
            return body;
        }
    }
}
