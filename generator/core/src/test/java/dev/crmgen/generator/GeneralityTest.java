package dev.crmgen.generator;

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
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
    private static GenerationResult result;
    private static Map<String, String> sources;

    @BeforeAll
    static void generate() {
        SpecSource spec = SpecSource.classpath("specs/generality.yaml", GeneralityTest.class.getClassLoader());
        result = CrmGenerator.generate(spec, new GeneratorOptions("com.acme.general", null));
        sources = result.files().stream().collect(Collectors.toMap(GeneratedFile::qualifiedName, GeneratedFile::source));
    }

    private static String source(String simpleName) {
        String s = sources.get("com.acme.general." + simpleName);
        assertTrue(s != null, () -> "no " + simpleName + " among " + sources.keySet());
        return s;
    }

    @Test
    void inlineEnumsShareATypeOnlyWhenTheirValuesAreEqual() {
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
        GenerationResult enums = CrmGenerator.generate(SpecSource.inline("enums.yaml", spec), new GeneratorOptions("com.acme.enums", null));
        assertFalse(enums.hasErrors(), () -> enums.diagnostics().toString());
        String holder = enums.files().stream().filter(f -> f.qualifiedName().equals("com.acme.enums.Holder")).findFirst()
                .orElseThrow().source();
        assertTrue(holder.contains("public record Holder(HolderFirst first, HolderSecond second, HolderSecond third)"), holder);
    }

    @Test
    void compilesWithLintAsErrors(@TempDir Path dir) {
        assertFalse(result.hasErrors(), () -> result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        JavaCompilation.compile(result.files(), dir);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void oneOfPicksTheMemberByItsFixedPropertyAndKeepsUnknownMembers(@TempDir Path dir) throws Exception {
        Path classes = JavaCompilation.compile(result.files(), dir);
        String json = "{\"branch\":{\"branchType\":\"OR\",\"branches\":[{\"branchType\":\"AND\",\"note\":\"x\"},"
                + "{\"branchType\":\"XOR\",\"y\":[1,{\"z\":null}]}]}}";
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> shape = loader.loadClass("com.acme.general.Shape");
            JsonCodec codec = (JsonCodec) shape.getMethod("jsonCodec").invoke(null);
            Object decoded = Json.decode(codec, json);
            Object branch = shape.getMethod("branch").invoke(decoded);
            assertEquals("com.acme.general.OrBranch", branch.getClass().getName());
            List<?> branches = (List<?>) branch.getClass().getMethod("branches").invoke(branch);
            assertEquals("com.acme.general.AndBranch", branches.get(0).getClass().getName());
            assertEquals("com.acme.general.Branch$Unknown", branches.get(1).getClass().getName());
            ObjectMapper mapper = new ObjectMapper();
            assertEquals(mapper.readTree(json), mapper.readTree(Json.encode(codec, decoded)));

            String notAnObject = "{\"branch\":[\"OR\"]}";
            Decoded<?> tolerant = Json.decodeTolerant(codec, notAnObject.getBytes(StandardCharsets.UTF_8));
            assertNull(shape.getMethod("branch").invoke(tolerant.value()));
            assertEquals(List.of(new JsonDeviation("$.branch", "an object", "an array", JsonValue.of(List.of("OR")))),
                    tolerant.deviations());
            assertEquals("$.branch",
                    assertThrows(JsonDecodingException.class, () -> Json.decode(codec, notAnObject)).path());
        }
    }

    @Test
    void namesStayReadable() {
        assertEquals(List.of("Actor", "AgentActor", "AgentActorType", "AndBranch", "AndBranchBranchType", "BotActor", "Branch",
                        "Conversation", "ErrorModel", "ExchangeTokenRequest", "ExchangeTokenRequestGrantType", "GeneralityCheckClient", "GetByIdKind",
                        "GetPageResponse", "ObjectModel", "ObjectModelInline", "ObjectModelInlineLevel", "OrBranch",
                        "OrBranchBranchType", "RecordModel", "Shape", "Status"),
                sources.keySet().stream().sorted().map(n -> n.substring("com.acme.general.".length())).toList());
        String object = source("ObjectModel");
        assertTrue(object.contains("public record ObjectModel(String class_, boolean default_, long hsObjectId, BigDecimal _123abc,"), object);
        assertTrue(object.contains("String hashCode_, String builder_, ObjectModel self, List<ObjectModel> children"), object);
        assertTrue(object.contains("JsonValue any, JsonValue free, Map<String, RecordModel> byId"), object);
        assertTrue(object.contains("@Deprecated\n    public String old() {"), object);
        assertTrue(object.contains("case \"hs-object-id\" -> hsObjectId = JsonCodecs.INT64.read(p);"), object);
        assertTrue(object.contains("*&#47;"), "comment terminators are escaped");
    }

    @Test
    void allOfMergesPropertiesAndEnumsStayOpen() {
        String record = source("RecordModel");
        assertTrue(record.contains("public record RecordModel(String message, Integer code, String id, Status status)"), record);
        String status = source("Status");
        assertTrue(status.contains("public static final Status IN_PROGRESS = listed(\"in-progress\", Known.IN_PROGRESS);"), status);
        assertTrue(status.contains("public static final Status DONE_2 = listed(\"done\", Known.DONE_2);"), status);
        assertTrue(status.contains("public static final Status EMPTY = listed(\"\", Known.EMPTY);"), status);
        assertTrue(status.contains("UNKNOWN_2"), "the spec's own UNKNOWN keeps its name; the catch-all gets another");
        assertTrue(status.contains("CODEC_2"), "a CODEC value does not clash with the codec field");
        assertTrue(status.contains("public static final Status LISTED_2 = listed(\"LISTED\", Known.LISTED_2);"), status);
        assertTrue(status.contains("VALUE_9LIVES"), status);
        String inline = source("ObjectModelInline");
        assertTrue(inline.contains("ObjectModelInlineLevel level, ObjectModelInlineLevel rank"),
                "an inline enum with the same values is the same type (no ObjectModelInlineRank above): " + inline);
        assertTrue(inline.contains("@param rank The same values again."), "each property keeps its description");
        String level = source("ObjectModelInlineLevel");
        assertTrue(level.contains("public static ObjectModelInlineLevel of(long value)"), level);
    }

    @Test
    void operationsGetDistinctReadableMethods() {
        String client = source("GeneralityCheckClient");
        Function<String, Boolean> has = client::contains;
        assertTrue(has.apply("public ObjectModel getById(String thingId, String class_, Collection<Long> ids, String xTrace,"), client);
        assertTrue(has.apply("@Deprecated\n    public ObjectModel getById("), client);
        assertTrue(has.apply("public GetPageResponse getPage()"), "no operationId: named from method and path like HubSpot's");
        assertTrue(has.apply("public RecordModel create(RecordModel body)"), client);
        assertTrue(has.apply("public byte[] createExport()"), "duplicate operationId create is qualified by path");
        assertTrue(has.apply("public ErrorModel upload(MultipartBody.Upload file, String folderPath, String class_,\n"
                + "            Boolean overwrite)"), client);
        assertTrue(has.apply("@param file The file to store.\n"), client);
        assertTrue(has.apply("@param folderPath {@code folderPath} (null to leave out)\n"), client);
        assertTrue(has.apply(".multipartBody(MultipartBody.builder()\n"), client);
        assertTrue(has.apply(".file(\"file\", file)\n"), client);
        assertTrue(has.apply(".text(\"class\", class_)\n"), client);
        assertTrue(has.apply("public void uploadWithOptions(byte[] body)"), "an object field keeps the body raw");
        assertTrue(has.apply(".rawBody(body, \"multipart/form-data\")"), client);
        assertTrue(has.apply(".empty(204, () -> null)"), client);
        assertTrue(has.apply(".rawBody(formOf(body), \"application/x-www-form-urlencoded\")"), client);
        assertTrue(has.apply("form.add(\"grant_type=\" + URLEncoder.encode(String.valueOf(body.grantType()), StandardCharsets.UTF_8));"), client);
        assertTrue(has.apply("for (String value : body.scope()) {"), client);
    }

    @Test
    void inheritanceStyleOneOfBecomesASealedParent() {
        String actor = source("Actor");
        assertTrue(actor.contains("public sealed interface Actor permits AgentActor, BotActor, Actor.Unknown"), actor);
        assertTrue(actor.contains("case \"AGENT\": return"), actor);
        assertTrue(actor.contains("case \"BOT\": return"), "a member without a fixed value is told by its title");
        assertTrue(source("AgentActor").contains("public record AgentActor(AgentActorType type, String name) implements Actor"),
                source("AgentActor"));
    }

    @Test
    void degradedConstructsAreWarnings() {
        assertEquals(1, result.diagnostics().stream().filter(d -> d.tag().equals("CrmgenDegraded")).count(),
                () -> result.diagnostics().toString());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.tag().equals("CrmgenDegraded")
                && d.pointer().equals("#/paths/~1things~1upload-with-options/post/requestBody")), () -> result.diagnostics().toString());
    }

    @Test
    void multipartUploadSendsTheFileAndTextFields(@TempDir Path dir) throws Exception {
        Path classes = JavaCompilation.compile(result.files(), dir);
        List<HttpTransport.Request> sent = new ArrayList<>();
        HttpTransport transport = request -> {
            sent.add(request);
            return new HttpTransport.Response(200, HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                    "{\"message\":\"stored\"}".getBytes(StandardCharsets.UTF_8));
        };
        ClientOptions options = ClientOptions.builder().accessToken("test-token-not-a-secret").transport(transport)
                .retryPolicy(RetryPolicy.none()).build();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> clientType = loader.loadClass("com.acme.general.GeneralityCheckClient");
            Object client = clientType.getConstructor(ClientOptions.class).newInstance(options);
            Object reply = clientType.getMethod("upload", MultipartBody.Upload.class, String.class, String.class, Boolean.class)
                    .invoke(client, MultipartBody.Upload.of("notes.csv", "id\n512\n".getBytes(StandardCharsets.UTF_8)), "/imports", null, true);
            assertEquals("stored", reply.getClass().getMethod("message").invoke(reply));
        }
        HttpTransport.Request request = sent.get(0);
        assertEquals("POST", request.method());
        assertTrue(request.uri().toString().endsWith("/things/upload"), request.uri().toString());
        String contentType = request.header("Content-Type");
        assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        assertEquals("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nid\n512\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"folderPath\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n/imports\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\ntrue\r\n"
                + "--" + boundary + "--\r\n", new String(request.body(), StandardCharsets.UTF_8));
    }
}
