package dev.crmgen.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Which notes endpoint a request names, and serving it from {@link NotesApi} and {@link NotesQueries}. */
final class NotesRoutes {
    static final String NOTES = "/crm/v3/objects/notes";

    /** The endpoints the sandbox serves. */
    enum Route {
        UPDATE,
        CREATE,
        READ,
        ARCHIVE,
        GET_ONE,
        LIST,
        SEARCH
    }

    private final NotesApi api;
    private final NotesQueries queries;
    /** The list endpoint's absolute URL, from which its {@code paging.next.link} is built. */
    private final String listUrl;

    NotesRoutes(NotesApi api, NotesQueries queries, String listUrl) {
        this.api = api;
        this.queries = queries;
        this.listUrl = listUrl;
    }

    /** The endpoint of {@code method} on {@code path}, or null when the sandbox serves none there. */
    static Route route(String method, String path) {
        if (method.equals("POST")) {
            switch (path) {
                case NOTES + "/batch/update":
                    return Route.UPDATE;
                case NOTES + "/batch/create":
                    return Route.CREATE;
                case NOTES + "/batch/read":
                    return Route.READ;
                case NOTES + "/batch/archive":
                    return Route.ARCHIVE;
                case NOTES + "/search":
                    return Route.SEARCH;
                default:
                    return null;
            }
        }
        if (method.equals("GET") && path.equals(NOTES)) {
            return Route.LIST;
        }
        if (method.equals("GET")
                && path.startsWith(NOTES + "/")
                && path.indexOf('/', NOTES.length() + 1) < 0
                && path.length() > NOTES.length() + 1) {
            return Route.GET_ONE;
        }
        return null;
    }

    /** HubSpot's answer to a request no route takes: 405 on a notes path, 404 elsewhere. */
    static Response unrouted(String method, String path, String correlationId) {
        boolean known = path.startsWith(NOTES + "/batch/") || path.startsWith(NOTES + "/");
        return known
                ? Response.error(
                        405,
                        "VALIDATION_ERROR",
                        "Method " + method + " not allowed on " + path,
                        correlationId,
                        null,
                        null)
                : Response.error(404, "OBJECT_NOT_FOUND", "Resource not found: " + path, correlationId, null, null);
    }

    /** The API's answer to a request that passed the token, the limits and the faults before processing. */
    Response serve(
            Route route,
            HttpExchange exchange,
            byte[] body,
            String correlationId,
            long request,
            NotesApi.Refusal refusal) {
        if (route == Route.GET_ONE) {
            String path = exchange.getRequestURI().getRawPath();
            String id = URLDecoder.decode(path.substring(NOTES.length() + 1), StandardCharsets.UTF_8);
            return api.getNote(id, queryValues(exchange.getRequestURI().getRawQuery(), "properties"), correlationId);
        }
        if (route == Route.LIST) {
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (String name : List.of("limit", "after", "archived", "properties")) {
                params.put(name, queryValues(query, name));
            }
            return queries.list(params, listUrl, correlationId);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Response.error(
                    415,
                    "VALIDATION_ERROR",
                    "Unsupported Media Type: send the body as application/json, not "
                            + (contentType == null ? "without a Content-Type" : contentType),
                    correlationId,
                    null,
                    null);
        }
        try {
            Object tree = JsonTree.parse(body);
            switch (route) {
                case UPDATE:
                    return api.batchUpdate(tree, correlationId, request, refusal);
                case CREATE:
                    return api.batchCreate(tree, correlationId);
                case READ:
                    return api.batchRead(tree, correlationId);
                case SEARCH:
                    return queries.search(tree, correlationId);
                default:
                    return api.batchArchive(tree, correlationId);
            }
        } catch (JsonTree.InvalidJson e) {
            return Response.validation(e.getMessage(), correlationId);
        } catch (NotesApi.Rejected e) {
            return e.response;
        }
    }

    /** {@code properties=a,b&properties=c} → [a, b, c], as HubSpot reads list query parameters. */
    private static List<String> queryValues(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0
                    && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                            .equals(name)) {
                for (String v : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)
                        .split(",")) {
                    if (!v.isEmpty()) {
                        values.add(v);
                    }
                }
            }
        }
        return values;
    }
}
