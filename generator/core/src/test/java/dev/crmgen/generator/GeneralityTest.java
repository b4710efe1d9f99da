package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmgen.generator.diagnostic.Diagnostic;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.http.MultipartBody;
import dev.crmgen.runtime.json.Decoded;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonDecodingException;
import dev.crmgen.runtime.json.JsonDeviation;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec full of constructs that trip generators (keyword and non-identifier names, java.lang clashes, recursion,
 * allOf, inline schemas, open integer and string enums, duplicate and missing operation ids, binary and multipart
 * bodies, deprecation, comment terminators) generates code that compiles with {@code -Xlint:all -Werror}.
 */
class GeneralityTest {
    private static final String PACKAGE = "com.acme.general";
    private static GenerationResult result;
    private static Map<String, String> sources;

    @BeforeAll
    static void generate() {
        SpecSource spec = SpecSource.classpath("specs/generality.yaml", GeneralityTest.class.getClassLoader());
        result = CrmGenerator.generate(spec, new GeneratorOptions("com.acme.general", null));
        sources =
                result.files().stream().collect(Collectors.toMap(GeneratedFile::qualifiedName, GeneratedFile::source));
    }

    @Test
    void inlineEnumsShareATypeOnlyWhenTheirValuesAreEqual(@TempDir Path dir) throws IOException {
        String spec = """
                openapi: 3.0.3
                info: {title: Enums, version: '1'}
                paths: {}
                components:
                  schemas:
                    Holder:
                      type: object
                      properties:
                        first: {type: string, enum: ['a, b']}
                        second: {type: string, enum: [a, b]}
                        third: {type: string, enum: [a, b]}
                """;
        GenerationResult enums = CrmGenerator.generate(
                SpecSource.inline("enums.yaml", spec), new GeneratorOptions("com.acme.enums", null));
        assertFalse(enums.hasErrors(), () -> enums.diagnostics().toString());
        try (CompiledCode code = CompiledCode.compile(enums.files(), "com.acme.enums", dir)) {
            assertEquals(
                    Map.of("first", "HolderFirst", "second", "HolderSecond", "third", "HolderSecond"),
                    code.components("Holder"));
        }
    }

    @Test
    void compilesWithLintAsErrors(@TempDir Path dir) {
        assertFalse(
                result.hasErrors(),
                () -> result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        JavaCompilation.compile(result.files(), dir);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void oneOfPicksTheMemberByItsFixedPropertyAndKeepsUnknownMembers(@TempDir Path dir) throws Exception {
        Path classes = JavaCompilation.compile(result.files(), dir);
        String json = "{\"branch\":{\"branchType\":\"OR\",\"branches\":[{\"branchType\":\"AND\",\"note\":\"x\"},"
                + "{\"branchType\":\"XOR\",\"y\":[1,{\"z\":null}]}]}}";
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> shape = loader.loadClass("com.acme.general.Shape");
            JsonCodec codec = (JsonCodec) shape.getMethod("jsonCodec").invoke(null);
            Object decoded = Json.decode(codec, json);
            Object branch = shape.getMethod("branch").invoke(decoded);
            assertEquals("com.acme.general.OrBranch", branch.getClass().getName());
            List<?> branches = (List<?>) branch.getClass().getMethod("branches").invoke(branch);
            assertEquals(
                    "com.acme.general.AndBranch", branches.get(0).getClass().getName());
            assertEquals(
                    "com.acme.general.Branch$Unknown",
                    branches.get(1).getClass().getName());
            ObjectMapper mapper = new ObjectMapper();
            assertEquals(mapper.readTree(json), mapper.readTree(Json.encode(codec, decoded)));

            String notAnObject = "{\"branch\":[\"OR\"]}";
            Decoded<?> tolerant = Json.decodeTolerant(codec, notAnObject.getBytes(StandardCharsets.UTF_8));
            assertNull(shape.getMethod("branch").invoke(tolerant.value()));
            assertEquals(
                    List.of(new JsonDeviation("$.branch", "an object", "an array", JsonValue.of(List.of("OR")))),
                    tolerant.deviations());
            assertEquals(
                    "$.branch",
                    assertThrows(JsonDecodingException.class, () -> Json.decode(codec, notAnObject))
                            .path());
        }
    }

    @Test
    void namesStayReadable() {
        assertEquals(
                List.of(
                        "Actor",
                        "AgentActor",
                        "AgentActorType",
                        "AndBranch",
                        "AndBranchBranchType",
                        "BotActor",
                        "Branch",
                        "Conversation",
                        "ErrorModel",
                        "ExchangeTokenRequest",
                        "ExchangeTokenRequestGrantType",
                        "GeneralityCheckClient",
                        "GetByIdKind",
                        "GetByIdParams",
                        "GetPageResponse",
                        "ObjectModel",
                        "ObjectModelInline",
                        "ObjectModelInlineLevel",
                        "OrBranch",
                        "OrBranchBranchType",
                        "RecordModel",
                        "Shape",
                        "Status"),
                sources.keySet().stream()
                        .sorted()
                        .map(n -> n.substring("com.acme.general.".length()))
                        .toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void keywordsAndClashingNamesBecomeReadableComponents(@TempDir Path dir) throws Exception {
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Map<String, String> components = code.components("ObjectModel");
            assertEquals(
                    List.of(
                            "class_",
                            "default_",
                            "hsObjectId",
                            "_123abc",
                            "hashCode_",
                            "builder_",
                            "self",
                            "children",
                            "inline",
                            "any",
                            "free",
                            "byId"),
                    components.keySet().stream().limit(12).toList());
            assertEquals(
                    List.of(
                            "String",
                            "boolean",
                            "long",
                            "BigDecimal",
                            "String",
                            "String",
                            "ObjectModel",
                            "List<ObjectModel>",
                            "ObjectModelInline",
                            "JsonValue",
                            "JsonValue",
                            "Map<String, RecordModel>"),
                    components.values().stream().limit(12).toList());
            Class<?> object = code.type("ObjectModel");
            assertTrue(
                    object.getMethod("old").isAnnotationPresent(Deprecated.class), "a deprecated property's accessor");

            Object decoded = Json.decode(codec(object), "{\"class\":\"c\",\"default\":true,\"hs-object-id\":5}");
            assertEquals(5L, object.getMethod("hsObjectId").invoke(decoded), "read from its wire name");
            assertEquals("c", object.getMethod("class_").invoke(decoded));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void allOfMergesPropertiesAndEnumsStayOpen(@TempDir Path dir) throws Exception {
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            assertEquals(
                    Map.of("message", "String", "code", "Integer", "id", "String", "status", "Status"),
                    code.components("RecordModel"));
            assertEquals(
                    List.of("message", "code", "id", "status"),
                    List.copyOf(code.components("RecordModel").keySet()));

            Class<?> status = code.type("Status");
            Map<String, String> wireValues = new LinkedHashMap<>();
            for (java.lang.reflect.Field f : status.getFields()) {
                if (f.getType() == status) {
                    wireValues.put(
                            f.getName(), (String) status.getMethod("value").invoke(f.get(null)));
                    assertEquals(
                            f.getName(),
                            status.getMethod("known").invoke(f.get(null)).toString(),
                            "each constant is known as its own Known entry");
                }
            }
            assertEquals(
                    Map.of(
                            "IN_PROGRESS",
                            "in-progress",
                            "DONE",
                            "DONE",
                            "DONE_2",
                            "done",
                            "EMPTY",
                            "",
                            "UNKNOWN",
                            "UNKNOWN",
                            "CODEC",
                            "CODEC",
                            "LISTED_2",
                            "LISTED",
                            "VALUE_9LIVES",
                            "9lives"),
                    wireValues,
                    "the spec's UNKNOWN and CODEC keep their names; LISTED does not clash with the enum's own field");
            Object unlisted = status.getMethod("of", String.class).invoke(null, "archived");
            assertEquals(
                    "UNKNOWN_2",
                    status.getMethod("known").invoke(unlisted).toString(),
                    "the catch-all gets another name than the spec's own UNKNOWN");
            assertEquals("archived", status.getMethod("value").invoke(unlisted));
            assertEquals(
                    "\"archived\"",
                    new String(Json.encode(codec(status), unlisted), StandardCharsets.UTF_8),
                    "written back unchanged");

            assertEquals(
                    Map.of("level", "ObjectModelInlineLevel", "rank", "ObjectModelInlineLevel", "note", "String"),
                    code.components("ObjectModelInline"),
                    "an inline enum with the same values is the same type");
            Class<?> level = code.type("ObjectModelInlineLevel");
            Object two = level.getMethod("of", long.class).invoke(null, 2L);
            assertEquals(2L, level.getMethod("value").invoke(two));
            assertEquals(two, Json.decode(codec(level), "2"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void operationsGetDistinctReadableMethodsThatSendWhatTheSpecSays(@TempDir Path dir) throws Exception {
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Class<?> client = code.type("GeneralityCheckClient");
            Class<?> params = code.type("GetByIdParams");
            Method getById = client.getMethod("getById", String.class, params);
            assertTrue(getById.isAnnotationPresent(Deprecated.class));
            assertTrue(client.getMethod("getById", String.class).isAnnotationPresent(Deprecated.class));
            assertEquals(
                    List.of("class_", "ids", "xTrace", "kind"),
                    List.copyOf(code.components("GetByIdParams").keySet()),
                    "the optional query and header parameters, in the spec's order");
            assertEquals("List<Long>", code.components("GetByIdParams").get("ids"));
            Method ids = params.getMethod("builder").getReturnType().getMethod("ids", Collection.class);
            assertEquals("Collection<Long>", CompiledCode.simpleNames(ids.getGenericParameterTypes()[0].getTypeName()));
            assertEquals(
                    code.type("GetPageResponse"),
                    client.getMethod("getPage").getReturnType(),
                    "no operationId: named from method and path like HubSpot's");
            assertEquals(
                    byte[].class,
                    client.getMethod("createExport").getReturnType(),
                    "duplicate operationId create is qualified by path");

            var objectServer = new CompiledCode.RecordingTransport(
                    200, "application/json", "{\"class\":\"c\",\"default\":false,\"hs-object-id\":7}");
            Object object = getById.invoke(
                    code.client("GeneralityCheckClient", objectServer),
                    "t1",
                    params.getConstructors()[0].newInstance("first", List.of(1L, 2L), "trace-9", null));
            assertEquals(7L, object.getClass().getMethod("hsObjectId").invoke(object));
            HttpTransport.Request get = objectServer.only();
            assertEquals("GET", get.method());
            assertEquals("/things/t1", get.uri().getPath());
            assertEquals("class=first&ids=1&ids=2", get.uri().getRawQuery());
            assertEquals("trace-9", get.header("X-Trace"));

            Class<?> record = code.type("RecordModel");
            Object input = record.getConstructors()[0].newInstance("m", null, "id-1", null);
            var nothingToSay = new CompiledCode.RecordingTransport(204, null, new byte[0]);
            assertNull(
                    client.getMethod("create", record)
                            .invoke(code.client("GeneralityCheckClient", nothingToSay), input),
                    "204 has no body");
            assertEquals(
                    "{\"message\":\"m\",\"id\":\"id-1\"}",
                    new String(nothingToSay.only().body(), StandardCharsets.UTF_8));

            byte[] file = {1, 2, 3};
            var exportServer = new CompiledCode.RecordingTransport(200, "application/octet-stream", file);
            assertArrayEquals(file, (byte[])
                    client.getMethod("createExport").invoke(code.client("GeneralityCheckClient", exportServer)));

            var rawServer = new CompiledCode.RecordingTransport(204, null, new byte[0]);
            client.getMethod("uploadWithOptions", byte[].class)
                    .invoke(code.client("GeneralityCheckClient", rawServer), (Object) file);
            assertEquals(
                    "multipart/form-data",
                    rawServer.only().header("Content-Type"),
                    "a multipart body with an object field is sent as the caller's bytes");
            assertArrayEquals(file, rawServer.only().body());

            Class<?> tokenRequest = code.type("ExchangeTokenRequest");
            Object grant = code.type("ExchangeTokenRequestGrantType")
                    .getMethod("of", String.class)
                    .invoke(null, "client_credentials");
            Object form = tokenRequest.getConstructors()[0].newInstance(grant, null, 2, List.of("crm.read", "a b&c"));
            var tokenServer = new CompiledCode.RecordingTransport(200, null, new byte[0]);
            client.getMethod("exchangeToken", tokenRequest)
                    .invoke(code.client("GeneralityCheckClient", tokenServer), form);
            assertEquals("application/x-www-form-urlencoded", tokenServer.only().header("Content-Type"));
            assertEquals(
                    "grant_type=client_credentials&attempt=2&scope=crm.read&scope=a+b%26c",
                    new String(tokenServer.only().body(), StandardCharsets.UTF_8), "absent fields left out");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void inheritanceStyleOneOfBecomesASealedParent(@TempDir Path dir) throws Exception {
        try (CompiledCode code = CompiledCode.compile(result.files(), PACKAGE, dir)) {
            Class<?> actor = code.type("Actor");
            assertTrue(actor.isSealed());
            assertEquals(
                    List.of(code.type("AgentActor"), code.type("BotActor"), code.type("Actor$Unknown")),
                    List.of(actor.getPermittedSubclasses()));
            assertEquals(Map.of("type", "AgentActorType", "name", "String"), code.components("AgentActor"));
            assertTrue(actor.isAssignableFrom(code.type("AgentActor")));

            Object agent = Json.decode(codec(actor), "{\"type\":\"AGENT\",\"name\":\"Ada\"}");
            assertEquals(code.type("AgentActor"), agent.getClass());
            Object bot = Json.decode(codec(actor), "{\"type\":\"BOT\"}");
            assertEquals(code.type("BotActor"), bot.getClass(), "a member without a fixed value is told by its title");
            assertEquals(
                    code.type("Actor$Unknown"),
                    Json.decode(codec(actor), "{\"type\":\"HUMAN\"}").getClass());
        }
    }

    @SuppressWarnings("rawtypes")
    private static JsonCodec codec(Class<?> type) throws ReflectiveOperationException {
        return (JsonCodec) type.getMethod("jsonCodec").invoke(null);
    }

    @Test
    void longNamesAndDescriptionsStayWithin120Columns() {
        List<String> longLines = result.files().stream()
                .flatMap(f ->
                        f.source().lines().filter(line -> line.length() > 120).map(l -> f.relativePath() + ": " + l))
                .toList();
        assertEquals(List.of(), longLines);
    }

    @Test
    void degradedConstructsAreWarnings() {
        assertEquals(
                1,
                result.diagnostics().stream()
                        .filter(d -> d.tag().equals("CrmgenDegraded"))
                        .count(),
                () -> result.diagnostics().toString());
        assertTrue(
                result.diagnostics().stream()
                        .anyMatch(d -> d.tag().equals("CrmgenDegraded")
                                && d.pointer().equals("#/paths/~1things~1upload-with-options/post/requestBody")),
                () -> result.diagnostics().toString());
    }

    @Test
    void multipartUploadSendsTheFileAndTextFields(@TempDir Path dir) throws Exception {
        Path classes = JavaCompilation.compile(result.files(), dir);
        List<HttpTransport.Request> sent = new ArrayList<>();
        HttpTransport transport = request -> {
            sent.add(request);
            return new HttpTransport.Response(
                    200,
                    HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                    "{\"message\":\"stored\"}".getBytes(StandardCharsets.UTF_8));
        };
        ClientOptions options = ClientOptions.builder()
                .accessToken("test-token-not-a-secret")
                .transport(transport)
                .retryPolicy(RetryPolicy.none())
                .build();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> clientType = loader.loadClass("com.acme.general.GeneralityCheckClient");
            Object client = clientType.getConstructor(ClientOptions.class).newInstance(options);
            Object reply = clientType
                    .getMethod("upload", MultipartBody.Upload.class, String.class, String.class, Boolean.class)
                    .invoke(
                            client,
                            MultipartBody.Upload.of("notes.csv", "id\n512\n".getBytes(StandardCharsets.UTF_8)),
                            "/imports",
                            null,
                            true);
            assertEquals("stored", reply.getClass().getMethod("message").invoke(reply));
        }
        HttpTransport.Request request = sent.get(0);
        assertEquals("POST", request.method());
        assertTrue(
                request.uri().toString().endsWith("/things/upload"),
                request.uri().toString());
        String contentType = request.header("Content-Type");
        assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        assertEquals(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.csv\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\nid\n512\n\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"folderPath\"\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n/imports\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\ntrue\r\n"
                        + "--" + boundary + "--\r\n",
                new String(request.body(), StandardCharsets.UTF_8));
    }
}
