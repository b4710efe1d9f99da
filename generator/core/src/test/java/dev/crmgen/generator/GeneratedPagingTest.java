package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.diagnostic.Diagnostic;
import dev.crmgen.runtime.RequestOptions;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.paging.SearchLimitException;
import dev.crmgen.runtime.paging.SearchLimitPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parameter records and {@code …Stream} methods generated for a cut-down HubSpot objects API, compiled and
 * called against a server stand-in that answers pages in turn, as HubSpot does: the last page without
 * {@code paging}, search pages with {@code total}.
 */
class GeneratedPagingTest {
    private static final String PACKAGE = "com.acme.paging";
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: Things, version: v3}
            paths:
              /crm/v3/objects/things:
                get:
                  operationId: get-/crm/v3/objects/things_getPage
                  parameters:
                    - {name: limit, in: query, schema: {type: integer, format: int32}}
                    - {name: after, in: query, schema: {type: string}}
                    - {name: properties, in: query, schema: {type: array, items: {type: string}}}
                    - {name: archived, in: query, schema: {type: boolean}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/CollectionResponseThing'}
              /crm/v3/owners:
                get:
                  operationId: get-/crm/v3/owners_getOwners
                  parameters:
                    - {name: after, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/CollectionResponseThing'}
              /crm/v3/objects/things/search:
                post:
                  operationId: post-/crm/v3/objects/things/search_doSearch
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/SearchRequest'}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/CollectionResponseWithTotalThing'}
            components:
              schemas:
                GetPageParams:
                  type: object
                  description: a schema that takes the name the parameter record would have
                  properties: {note: {type: string}}
                Thing:
                  type: object
                  required: [id]
                  properties: {id: {type: string}}
                NextPage:
                  type: object
                  required: [after]
                  properties: {after: {type: string}, link: {type: string}}
                ForwardPaging:
                  type: object
                  properties: {next: {$ref: '#/components/schemas/NextPage'}}
                CollectionResponseThing:
                  type: object
                  required: [results]
                  properties:
                    results: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                    paging: {$ref: '#/components/schemas/ForwardPaging'}
                SearchRequest:
                  type: object
                  required: [limit, after]
                  properties:
                    query: {type: string}
                    limit: {type: integer, format: int32}
                    after: {type: string}
                    properties: {type: array, items: {type: string}}
                CollectionResponseWithTotalThing:
                  type: object
                  required: [total, results]
                  properties:
                    total: {type: integer, format: int32}
                    results: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                    paging: {$ref: '#/components/schemas/ForwardPaging'}
            """;

    private static GenerationResult result;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        result = CrmGenerator.generate(SpecSource.inline("things.yaml", SPEC), new GeneratorOptions(PACKAGE, null));
        assertFalse(
                result.hasErrors(),
                () -> result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    }

    @Test
    void listStreamSendsTheParametersWithEachCursorAndEndsOnThePageWithoutPaging() throws Exception {
        var server = new PageServer(page("1", "2", "c2"), page("3", "4", "c3"), "{\"results\":[{\"id\":\"5\"}]}");
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Class<?> params = code.type("GetPageParams2");
            Object builder = params.getMethod("builder").invoke(null);
            Class<?> builderType = builder.getClass();
            builderType.getMethod("limit", Integer.class).invoke(builder, 2);
            builderType.getMethod("properties", Collection.class).invoke(builder, List.of("name", "owner"));
            Object firstPage = builderType.getMethod("build").invoke(builder);

            Object client = code.client("ThingsClient", server);
            List<Object> ids = ids(stream(client, "getPageStream", params, firstPage));

            assertEquals(List.of("1", "2", "3", "4", "5"), ids);
            assertEquals(
                    List.of(
                            "limit=2&properties=name&properties=owner",
                            "limit=2&after=c2&properties=name&properties=owner",
                            "limit=2&after=c3&properties=name&properties=owner"),
                    server.queries());
            assertNull(params.getMethod("after").invoke(firstPage), "the caller's parameters are left as they were");
        }
    }

    @Test
    void listStreamFetchesNoPageItDoesNotNeed() throws Exception {
        var server = new PageServer(page("1", "2", "c2"), page("3", "4", "c3"));
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Object client = code.client("ThingsClient", server);
            try (Stream<?> things =
                    (Stream<?>) client.getClass().getMethod("getPageStream").invoke(client)) {
                assertEquals(2, things.limit(2).count());
            }
            assertEquals(
                    List.of(""),
                    server.queries(),
                    "one page for two items, and the short overload sends no optional parameter");
        }
    }

    @Test
    void anOperationWithOnlyTheCursorKeepsItsPlainSignatureAndStreamsWithoutIt() throws Exception {
        var server = new PageServer(page("1", "2", "c2"), "{\"results\":[],\"paging\":{}}");
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Class<?> client = code.type("ThingsClient");
            client.getMethod("getOwners", String.class);
            Object instance = code.client("ThingsClient", server);
            List<Object> ids =
                    ids((Stream<?>) client.getMethod("getOwnersStream").invoke(instance));
            assertEquals(List.of("1", "2"), ids);
            assertEquals(List.of("", "after=c2"), server.queries());
        }
    }

    @Test
    void searchStreamCopiesTheBodyWithEachCursor() throws Exception {
        var server = new PageServer(search(3, "c2", "1", "2"), search(3, null, "3"));
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Class<?> request = code.type("SearchRequest");
            Object body = request.getConstructors()[0].newInstance("smith", 2, "", List.of("name"));
            Object client = code.client("ThingsClient", server);

            assertEquals(List.of("1", "2", "3"), ids(stream(client, "doSearchStream", request, body)));
            assertEquals(
                    List.of(
                            "{\"query\":\"smith\",\"limit\":2,\"after\":\"\",\"properties\":[\"name\"]}",
                            "{\"query\":\"smith\",\"limit\":2,\"after\":\"c2\",\"properties\":[\"name\"]}"),
                    server.bodies());
        }
    }

    @Test
    void searchPastTheCeilingFailsBeforeItsFirstResultUnlessThePolicySaysOtherwise() throws Exception {
        String tooMany = search(10_001, "c2", "1", "2");
        var server = new PageServer(tooMany, tooMany);
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Class<?> request = code.type("SearchRequest");
            Object body = request.getConstructors()[0].newInstance(null, 2, "", null);
            Object client = code.client("ThingsClient", server);

            Stream<?> failing = stream(client, "doSearchStream", request, body);
            SearchLimitException e = assertThrows(SearchLimitException.class, () -> failing.findFirst());
            assertEquals(10_001, e.total().getAsLong());

            Class<?> policyType = dev.crmgen.runtime.paging.SearchLimitPolicy.class;
            Method withPolicy = client.getClass().getMethod("doSearchStream", request, policyType);
            try (Stream<?> reachable = (Stream<?>)
                    withPolicy.invoke(client, body, dev.crmgen.runtime.paging.SearchLimitPolicy.FAIL_AFTER_REACHABLE)) {
                assertEquals(List.of("1"), ids(reachable.limit(1)));
            }
            assertEquals(2, server.requests.size(), "one page for each stream");
        }
    }

    @Test
    void streamsWithRequestOptionsApplyThemToEveryPagesCall() throws Exception {
        String otherPortal = "pat-na1-11111111-2222-4333-8444-OTHER-PORTAL";
        RequestOptions options = RequestOptions.builder()
                .accessToken(otherPortal)
                .header("X-Request-Id", "sync-7")
                .build();
        var server = new PageServer(
                page("1", "2", "c2"),
                "{\"results\":[{\"id\":\"3\"}]}",
                search(3, "c2", "1", "2"),
                search(3, null, "3"));
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Class<?> params = code.type("GetPageParams2");
            Object noParams = params.getMethod("builder").invoke(null);
            noParams = noParams.getClass().getMethod("build").invoke(noParams);
            Class<?> request = code.type("SearchRequest");
            Object body = request.getConstructors()[0].newInstance("smith", 2, "", List.of("name"));
            Object client = code.client("ThingsClient", server);
            Method list = client.getClass().getMethod("getPageStream", params, RequestOptions.class);
            Method search = client.getClass()
                    .getMethod("doSearchStream", request, SearchLimitPolicy.class, RequestOptions.class);

            assertEquals(List.of("1", "2", "3"), ids((Stream<?>) list.invoke(client, noParams, options)));
            assertEquals(List.of("1", "2", "3"), ids((Stream<?>)
                    search.invoke(client, body, SearchLimitPolicy.FAIL_FAST, options)));

            assertEquals(4, server.requests.size());
            for (HttpTransport.Request sent : server.requests) {
                assertEquals(
                        "Bearer " + otherPortal,
                        sent.headers().get("Authorization"),
                        sent.uri().toString());
                assertEquals(
                        "sync-7", sent.headers().get("X-Request-Id"), sent.uri().toString());
            }
            assertEquals(List.of("", "after=c2", "", ""), server.queries(), "the cursor still moves");
        }
    }

    @Test
    void parameterRecordNameStaysClearOfTheSpecsTypes() {
        List<String> names =
                result.files().stream().map(GeneratedFile::qualifiedName).toList();
        assertTrue(names.contains(PACKAGE + ".GetPageParams"), names::toString);
        assertTrue(names.contains(PACKAGE + ".GetPageParams2"), names::toString);
        assertFalse(names.contains(PACKAGE + ".GetOwnersParams"), "one optional parameter keeps the plain form");
    }

    private static Stream<?> stream(Object client, String method, Class<?> type, Object argument) throws Exception {
        try {
            return (Stream<?>) client.getClass().getMethod(method, type).invoke(client, argument);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static List<Object> ids(Stream<?> things) throws ReflectiveOperationException {
        List<Object> ids = new ArrayList<>();
        try (things) {
            for (Object thing : things.toList()) {
                ids.add(thing.getClass().getMethod("id").invoke(thing));
            }
        }
        return ids;
    }

    private static String page(String first, String second, String next) {
        return "{\"results\":[{\"id\":\"" + first + "\"},{\"id\":\"" + second + "\"}],"
                + "\"paging\":{\"next\":{\"after\":\"" + next + "\",\"link\":\"?after=" + next + "\"}}}";
    }

    private static String search(int total, String next, String... ids) {
        String results = Stream.of(ids).map(id -> "{\"id\":\"" + id + "\"}").collect(Collectors.joining(","));
        String paging = next == null ? "" : ",\"paging\":{\"next\":{\"after\":\"" + next + "\"}}";
        return "{\"total\":" + total + ",\"results\":[" + results + "]" + paging + "}";
    }

    /** Answers each request with the next page in turn, and records what was asked. */
    private static final class PageServer implements HttpTransport {
        final List<HttpTransport.Request> requests = new ArrayList<>();
        private final Deque<String> pages;

        PageServer(String... pages) {
            this.pages = new ArrayDeque<>(List.of(pages));
        }

        @Override
        public synchronized HttpTransport.Response send(HttpTransport.Request request) {
            requests.add(request);
            String page = pages.poll();
            if (page == null) {
                throw new AssertionError("a page was fetched that no test expects: " + request.uri());
            }
            return new HttpTransport.Response(
                    200,
                    HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                    page.getBytes(StandardCharsets.UTF_8));
        }

        synchronized List<String> queries() {
            return requests.stream()
                    .map(r -> r.uri().getRawQuery() == null
                            ? ""
                            : URLDecoder.decode(r.uri().getRawQuery(), StandardCharsets.UTF_8))
                    .toList();
        }

        synchronized List<String> bodies() {
            return requests.stream()
                    .map(r -> new String(r.body(), StandardCharsets.UTF_8))
                    .toList();
        }
    }
}
