package dev.crmgen.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Set;

/**
 * One request's way through the sandbox, as HubSpot takes it: the route, the bearer token, the rate limits, the
 * injected faults, the API itself, and the answer.
 */
final class RequestHandler implements HttpHandler {
    private final NotesRoutes routes;
    private final Set<String> tokens;
    private final RateLimits limits;
    private final FaultInjector faults;
    private final Counters counters;
    private final CorrelationIds correlationIds;

    RequestHandler(
            NotesRoutes routes,
            Set<String> tokens,
            RateLimits limits,
            FaultInjector faults,
            Counters counters,
            CorrelationIds correlationIds) {
        this.routes = routes;
        this.tokens = tokens;
        this.limits = limits;
        this.faults = faults;
        this.counters = counters;
        this.correlationIds = correlationIds;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long requestNumber = counters.requests.incrementAndGet();
        try (exchange) {
            byte[] body = SandboxServer.readBody(exchange);
            String correlationId = correlationIds.next();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            NotesRoutes.Route route = NotesRoutes.route(method, path);
            if (route == null) {
                counters.rejected.incrementAndGet();
                SandboxServer.send(exchange, NotesRoutes.unrouted(method, path, correlationId));
                return;
            }
            String token = bearerToken(exchange.getRequestHeaders());
            if (token == null || !tokens.contains(token)) {
                counters.unauthorized.incrementAndGet();
                SandboxServer.send(exchange, Response.unauthorized(correlationId));
                return;
            }
            Response limited = limits.refusal(
                    token, route == NotesRoutes.Route.SEARCH, exchange.getResponseHeaders(), correlationId);
            if (limited != null) {
                SandboxServer.send(exchange, limited);
                return;
            }
            FaultInjector.Fate fate = faults.next(route == NotesRoutes.Route.UPDATE ? body : null, requestNumber);
            if (fate.preempt(exchange, correlationId)) {
                return;
            }
            Response response = routes.serve(route, exchange, body, correlationId, requestNumber, fate.refusal());
            if (response.status() >= 400) {
                counters.rejected.incrementAndGet();
            }
            fate.deliver(exchange, response);
        } catch (IOException e) {
            // The client went away; nothing left to answer.
        } catch (RuntimeException e) {
            // A sandbox bug must still surface as an answer, not as a silently dropped connection.
            try {
                SandboxServer.send(
                        exchange,
                        Response.error(
                                500, "INTERNAL_ERROR", "sandbox failure: " + e, correlationIds.next(), null, null));
            } catch (IOException | RuntimeException ignored) {
                // Headers were already sent; the connection closes with the exchange.
            }
        }
    }

    private static String bearerToken(Headers headers) {
        String value = headers.getFirst("Authorization");
        if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
