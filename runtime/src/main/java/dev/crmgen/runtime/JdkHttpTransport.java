package dev.crmgen.runtime;

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
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;

/** {@link HttpTransport} on {@link HttpClient}; decompresses gzip bodies. */
final class JdkHttpTransport implements HttpTransport {
    private static final ConcurrentMap<Duration, JdkHttpTransport> SHARED = new ConcurrentHashMap<>();

    private final HttpClient client;

    static JdkHttpTransport shared(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        return SHARED.computeIfAbsent(connectTimeout, JdkHttpTransport::new);
    }

    JdkHttpTransport(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | UnresolvedAddressException e) {
            throw notSent(request, e);
        }
        return response(response);
    }

    @Override
    public CompletableFuture<Response> sendAsync(Request request, Executor executor) {
        return client.sendAsync(httpRequest(request), HttpResponse.BodyHandlers.ofByteArray())
                // Decompressing and what follows run on the caller's executor, not on the client's own threads.
                .handleAsync((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        throw new CompletionException(cause instanceof IOException || cause instanceof UnresolvedAddressException
                                ? notSent(request, (Exception) cause) : cause);
                    }
                    try {
                        return response(response);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }, executor);
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
        b.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return b.build();
    }

    /** Failures that mean the request never left are marked so; other I/O failures pass through unchanged. */
    private static IOException notSent(Request request, Exception e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException) {
            return new RequestNotSentException("could not connect to " + request.uri().getHost() + ": " + e, (IOException) e);
        }
        if (e instanceof UnresolvedAddressException) {
            return new RequestNotSentException("could not resolve " + request.uri().getHost(), e);
        }
        return (IOException) e;
    }

    private static Response response(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        String encoding = Response.first(response.headers(), "Content-Encoding");
        if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip") && body != null && body.length > 0) {
            body = gunzip(body);
        }
        return new Response(response.statusCode(), response.headers(), body);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
