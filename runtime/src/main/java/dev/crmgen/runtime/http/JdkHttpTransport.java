package dev.crmgen.runtime.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * {@link HttpTransport} on {@link HttpClient}; decompresses gzip bodies. Every exchange, body included, ends by its
 * {@link Request#timeout()}: when the server stalls or trickles, the exchange is cancelled (closing its connection)
 * and the call fails with {@link HttpTimeoutException}. A body longer than the limit, as it arrives or once
 * decompressed, fails the call with {@link ResponseTooLargeException} and is not read further: a server or proxy
 * that misbehaves cannot fill the heap.
 */
final class JdkHttpTransport implements HttpTransport {
    private static final ConcurrentMap<Settings, JdkHttpTransport> SHARED = new ConcurrentHashMap<>();

    private record Settings(Duration connectTimeout, long maxResponseBytes) {}

    private final HttpClient client;
    private final int maxResponseBytes;

    static JdkHttpTransport shared(Duration connectTimeout, long maxResponseBytes) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        checkLimit(maxResponseBytes);
        return SHARED.computeIfAbsent(
                new Settings(connectTimeout, maxResponseBytes),
                s -> new JdkHttpTransport(
                        HttpClient.newBuilder()
                                .connectTimeout(s.connectTimeout())
                                .followRedirects(HttpClient.Redirect.NEVER)
                                .build(),
                        s.maxResponseBytes()));
    }

    JdkHttpTransport(HttpClient client, long maxResponseBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.maxResponseBytes = (int) checkLimit(maxResponseBytes);
    }

    static long checkLimit(long maxResponseBytes) {
        if (maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxResponseBytes must be between 1 and " + MAX_RESPONSE_BYTES_LIMIT + ", got " + maxResponseBytes);
        }
        return maxResponseBytes;
    }

    /** The client is done with a body when the exchange is over and it has finished or cancelled its reads. */
    @Override
    public boolean readsBodyOnlyWhileSending() {
        return true;
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> inFlight = exchange(request);
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
        CompletableFuture<HttpResponse<byte[]>> inFlight = exchange(request);
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
        if (cause instanceof NumberFormatException malformed) {
            // The client reads Content-Length itself and lets an unreadable one escape unchecked.
            return new ProtocolException("the response's Content-Length is not a number: " + malformed.getMessage());
        }
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

    /** The exchange started, its body collected up to the limit. */
    private CompletableFuture<HttpResponse<byte[]>> exchange(Request request) {
        return client.sendAsync(httpRequest(request), info -> cappedBody(info, request.method()));
    }

    private BodySubscriber<byte[]> cappedBody(HttpResponse.ResponseInfo info, String method) {
        // A response to HEAD, and a 304, declares the length of a body it does not carry.
        boolean bodiless = method.equalsIgnoreCase("HEAD") || info.statusCode() == 304;
        return new CappedBody(
                info.statusCode(),
                bodiless ? 0 : HttpTransport.Response.firstLong(info.headers(), "Content-Length"),
                maxResponseBytes);
    }

    private Response response(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        String encoding = Response.first(response.headers(), "Content-Encoding");
        if (encoding != null
                && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")
                && body != null
                && body.length > 0) {
            body = gunzip(body, response.statusCode());
        }
        return new Response(response.statusCode(), response.headers(), body);
    }

    /**
     * The body inflated, or as it came when it is not the gzip its header claims (proxies and error pages mislabel
     * bodies): the status must survive, since a 4xx says nothing was applied, and an unreadable body then fails
     * decoding with that status and the raw bytes.
     */
    private byte[] gunzip(byte[] body, int status) throws ResponseTooLargeException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
            // A few kilobytes of gzip can inflate to gigabytes: read no further than the limit.
            byte[] out = new byte[(int) Math.min(maxResponseBytes + 1L, Math.max(8192L, body.length * 4L))];
            int size = 0;
            for (; ; ) {
                if (size == out.length) {
                    if (size > maxResponseBytes) {
                        throw new ResponseTooLargeException(status, maxResponseBytes, true);
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxResponseBytes + 1L, size * 2L));
                }
                int n = in.read(out, size, out.length - size);
                if (n < 0) {
                    return size == out.length ? out : Arrays.copyOf(out, size);
                }
                size += n;
            }
        } catch (ResponseTooLargeException tooLarge) {
            throw tooLarge;
        } catch (IOException notGzip) {
            return body;
        }
    }

    /**
     * Collects a body up to the limit. Past it the subscription is cancelled, which makes the client stop reading
     * and close the connection, and the body fails; a {@code Content-Length} over the limit, or a negative one,
     * fails it before any byte is read.
     */
    private static final class CappedBody implements BodySubscriber<byte[]> {
        private final int status;
        private final long declaredLength;
        private final int limit;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private byte[] bytes;
        private int size;

        CappedBody(int status, long declaredLength, int limit) {
            this.status = status;
            this.declaredLength = declaredLength;
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declaredLength > limit) {
                tooLarge();
                return;
            }
            if (declaredLength < -1) {
                // The client would read such a body without passing it on, for as long as the server sends.
                fail(new ProtocolException("the " + status + " response declared a negative Content-Length"));
                return;
            }
            // Sized for the declared length up to 1 MiB (a header alone is not trusted with more), or for a typical
            // batch response when the body is chunked.
            bytes = new byte
                    [(int) Math.min(limit, declaredLength >= 0 ? Math.min(declaredLength, 1 << 20) : 64 * 1024)];
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int n = buffer.remaining();
                if (n > limit - size) {
                    tooLarge();
                    return;
                }
                if (n > bytes.length - size) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + (long) n, bytes.length * 2L)));
                }
                buffer.get(bytes, size, n);
                size += n;
            }
        }

        private void tooLarge() {
            fail(new ResponseTooLargeException(status, limit, false));
        }

        private void fail(IOException failure) {
            // Failed first: whatever the cancellation makes the client signal then finds the body already done.
            body.completeExceptionally(failure);
            subscription.cancel();
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            if (body.isDone()) {
                return;
            }
            body.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
        }
    }
}
