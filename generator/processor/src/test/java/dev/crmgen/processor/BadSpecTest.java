package dev.crmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.crmgen.runtime.GenerateClient;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each user error is a compiler error with a stable tag, on the annotation attribute at fault, naming the spec location. */
class BadSpecTest {
    static final String VALID = """
            openapi: 3.0.3
            info: {title: Notes, version: v3}
            paths:
              /notes/{noteId}:
                get:
                  operationId: getNote
                  parameters:
                    - {name: noteId, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Note'}
            components:
              schemas:
                Note:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    body: {type: string}
            """;

    @TempDir
    Path specRoot;

    private JavaFileObject source(String spec, String packageName, String clientName) {
        return JavaFileObjects.forSourceLines(
                "com.acme.Api",
                "package com.acme;",
                "",
                "import dev.crmgen.runtime.GenerateClient;",
                "",
                "@GenerateClient(",
                "        spec = \"" + spec + "\",",
                "        packageName = \"" + packageName + "\",",
                "        clientName = \"" + clientName + "\")",
                "class Api {}");
    }

    private JavaFileObject source(String spec) {
        return source(spec, "com.acme.notes", "");
    }

    private Compilation compile(JavaFileObject source, String... options) {
        List<String> all = new java.util.ArrayList<>(List.of("-A" + SpecLocator.SPEC_ROOT_OPTION + "=" + specRoot));
        all.addAll(List.of(options));
        return javac().withProcessors(new CrmgenProcessor())
                .withOptions(all)
                .withClasspath(List.of(jar(GenerateClient.class), jar(JsonParser.class)))
                .compile(source);
    }

    private String write(String name, String content) throws IOException {
        Files.writeString(specRoot.resolve(name), content);
        return name;
    }

    static File jar(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void validSpecGeneratesAndCompiles() throws IOException {
        Compilation c = compile(source(write("valid.yaml", VALID)), "-Xlint:all", "-Werror");
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.acme.notes.NotesClient");
        assertThat(c)
                .generatedSourceFile("com.acme.notes.Note")
                .contentsAsUtf8String()
                .contains("public record Note(String id, String body)");
    }

    @Test
    void specNotFoundSaysWhereItLooked() {
        JavaFileObject source = source("no-such-spec.yaml");
        Compilation c = compile(source);
        assertThat(c)
                .hadErrorContaining("[CrmgenSpecNotFound] spec 'no-such-spec.yaml' not found; looked at: "
                        + specRoot.resolve("no-such-spec.yaml"))
                .inFile(source)
                .onLineContaining("spec = ");
        assertThat(c).hadErrorContaining("class-path resource no-such-spec.yaml on the processor path");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        JavaFileObject source =
                source(write("broken.yaml", "openapi: 3.0.3\ninfo:\n  title: [Notes\n  version: v3\npaths: {}\n"));
        Compilation c = compile(source);
        assertThat(c)
                .hadErrorContaining("[CrmgenSpecSyntax] broken.yaml: YAML syntax error at line")
                .inFile(source)
                .onLineContaining("spec = ");
        assertThat(c).failed();
    }

    @Test
    void jsonSyntaxErrorNamesTheLine() throws IOException {
        JavaFileObject source =
                source(write("broken.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"Notes\",}\n}\n"));
        assertThat(compile(source))
                .hadErrorContaining("[CrmgenSpecSyntax] broken.json: JSON syntax error at line 3")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void unresolvedSchemaRefNamesThePointer() throws IOException {
        String spec = VALID.replace("body: {type: string}", "body: {$ref: '#/components/schemas/NoteBody'}");
        JavaFileObject source = source(write("unresolved.yaml", spec));
        Compilation c = compile(source);
        assertThat(c)
                .hadErrorContaining("[CrmgenUnresolvedRef] unresolved.yaml#/components/schemas/Note/properties/body: "
                        + "$ref '#/components/schemas/NoteBody' does not resolve; define it under components/schemas")
                .inFile(source)
                .onLineContaining("spec = ");
        assertThat(c).failed();
    }

    @Test
    void lenientRefsTurnAnUnresolvedSchemaRefIntoAJsonValueWithAWarning() throws IOException {
        String spec = VALID.replace("body: {type: string}", "body: {$ref: '#/components/schemas/NoteBody'}");
        JavaFileObject source = source(write("unresolved.yaml", spec));
        Compilation c = compile(source, "-A" + CrmgenProcessor.LENIENT_REFS_OPTION + "=true");
        assertThat(c).succeeded();
        assertThat(c)
                .hadWarningContaining(
                        "[CrmgenDegraded] unresolved.yaml#/components/schemas/Note/properties/body: "
                                + "$ref '#/components/schemas/NoteBody' does not resolve, so it is generated as a JSON value (JsonValue)")
                .inFile(source)
                .onLineContaining("spec = ");
        assertThat(c)
                .generatedSourceFile("com.acme.notes.Note")
                .contentsAsUtf8String()
                .contains("JsonValue body");
    }

    @Test
    void lenientRefsFalseKeepsTheError() throws IOException {
        String spec = VALID.replace("body: {type: string}", "body: {$ref: '#/components/schemas/NoteBody'}");
        Compilation c =
                compile(source(write("unresolved.yaml", spec)), "-A" + CrmgenProcessor.LENIENT_REFS_OPTION + "=false");
        assertThat(c).hadErrorContaining("[CrmgenUnresolvedRef]");
        assertThat(c).failed();
    }

    @Test
    void unresolvedResponseRefNamesTheOperation() throws IOException {
        String spec = """
                openapi: 3.0.3
                info: {title: Notes, version: v3}
                paths:
                  /notes/{noteId}:
                    get:
                      parameters:
                        - {name: noteId, in: path, required: true, schema: {type: string}}
                      responses:
                        '200': {$ref: '#/components/responses/NoteResponse'}
                """;
        JavaFileObject source = source(write("response-ref.yaml", spec));
        assertThat(compile(source))
                .hadErrorContaining(
                        "[CrmgenUnresolvedRef] response-ref.yaml#/paths/~1notes~1{noteId}/get/responses/200: "
                                + "$ref '#/components/responses/NoteResponse' does not resolve")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        String spec = VALID.replace(
                "body: {type: string}",
                "body: {$ref: '#/components/schemas/A'}\n        other: {$ref: '#/components/schemas/B'}");
        Compilation c = compile(source(write("two-refs.yaml", spec)));
        assertThat(c).hadErrorContaining("$ref '#/components/schemas/A' does not resolve");
        assertThat(c).hadErrorContaining("$ref '#/components/schemas/B' does not resolve");
        assertThat(c).hadErrorCount(2);
    }

    @Test
    void swagger2IsUnsupported() throws IOException {
        JavaFileObject source =
                source(write("swagger.yaml", "swagger: '2.0'\ninfo: {title: Notes, version: v1}\npaths: {}\n"));
        assertThat(compile(source))
                .hadErrorContaining("[CrmgenUnsupported] swagger.yaml#/swagger: Swagger 2.0 specs are not supported; "
                        + "convert the spec to OpenAPI 3")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void documentWithoutOpenapiFieldIsRejected() throws IOException {
        JavaFileObject source = source(write("list.yaml", "- a\n- b\n"));
        assertThat(compile(source))
                .hadErrorContaining("[CrmgenSpecInvalid] list.yaml: not an OpenAPI document")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void emptySpecIsRejected() throws IOException {
        JavaFileObject source = source(write("empty.yaml", "\n"));
        assertThat(compile(source))
                .hadErrorContaining("[CrmgenSpecInvalid] empty.yaml: the spec is empty")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void invalidPackageNamePointsAtPackageName() throws IOException {
        JavaFileObject source = source(write("valid.yaml", VALID), "com.acme.2notes", "");
        assertThat(compile(source))
                .hadErrorContaining(
                        "[CrmgenInvalidPackage] valid.yaml: 'com.acme.2notes' is not a valid Java package name")
                .inFile(source)
                .onLineContaining("packageName = ");
    }

    @Test
    void invalidClientNamePointsAtClientName() throws IOException {
        JavaFileObject source = source(write("valid.yaml", VALID), "com.acme.notes", "class");
        assertThat(compile(source))
                .hadErrorContaining(
                        "[CrmgenInvalidClientName] valid.yaml: clientName 'class' is not a usable Java class name")
                .inFile(source)
                .onLineContaining("clientName = ");
    }

    @Test
    void clientNameCollidingWithASchemaIsAnError() throws IOException {
        JavaFileObject source = source(write(
                "collision.yaml",
                VALID + "    NotesClient:\n      type: object\n      properties:\n        id: {type: string}\n"));
        assertThat(compile(source))
                .hadErrorContaining(
                        "[CrmgenNameCollision] collision.yaml#/components/schemas/NotesClient: the client class "
                                + "NotesClient has the same name as the type generated for schema 'NotesClient'; set clientName")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void anExplicitClientNameCollidingWithASchemaPointsAtClientName() throws IOException {
        String spec = VALID + "    Notes:\n      type: object\n      properties:\n        id: {type: string}\n";
        JavaFileObject source = source(write("explicit-collision.yaml", spec), "com.acme.notes", "Notes");
        assertThat(compile(source))
                .hadErrorContaining(
                        "[CrmgenNameCollision] explicit-collision.yaml#/components/schemas/Notes: "
                                + "the client class Notes has the same name as the type generated for schema 'Notes'; set clientName")
                .inFile(source)
                .onLineContaining("clientName = ");
    }

    @Test
    void aSchemaCollidingWithAnotherIsAWarningOnTheSpec() throws IOException {
        String spec = VALID + "    note:\n      type: object\n      properties:\n        id: {type: string}\n";
        JavaFileObject source = source(write("schema-collision.yaml", spec), "com.acme.notes", "NotesApi");
        Compilation c = compile(source);
        assertThat(c).succeeded();
        assertThat(c)
                .hadWarningContaining(
                        "[CrmgenNameCollision] schema-collision.yaml#/components/schemas/note: schema 'note'"
                                + " and schema 'Note' both map to the Java name Note")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void undeclaredPathParameterIsAnError() throws IOException {
        String spec = VALID.replace(
                        "    - {name: noteId, in: path, required: true, schema: {type: string}}\n", "    []\n")
                .replace("parameters:\n", "parameters:\n");
        JavaFileObject source = source(
                write("path-param.yaml", spec.replace("              parameters:\n                    []\n", "")));
        assertThat(compile(source))
                .hadErrorContaining(
                        "[CrmgenMissingPathParam] path-param.yaml#/paths/~1notes~1{noteId}/get: path "
                                + "'/notes/{noteId}' names {noteId} but the operation declares no parameter 'noteId' with 'in: path'")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void unknownTypeIsAnError() throws IOException {
        JavaFileObject source =
                source(write("type.yaml", VALID.replace("body: {type: string}", "body: {type: strnig}")));
        assertThat(compile(source))
                .hadErrorContaining("[CrmgenInvalidSchema] type.yaml#/components/schemas/Note/properties/body/type: "
                        + "unknown type 'strnig'")
                .inFile(source)
                .onLineContaining("spec = ");
    }

    @Test
    void unrepresentableOneOfIsAWarningAndStillCompiles() throws IOException {
        String spec = VALID.replace("body: {type: string}", "body: {oneOf: [{type: string}, {type: integer}]}");
        JavaFileObject source = source(write("oneof.yaml", spec));
        Compilation c = compile(source);
        assertThat(c).succeeded();
        assertThat(c)
                .hadWarningContaining(
                        "[CrmgenDegraded] oneof.yaml#/components/schemas/Note/properties/body: oneOf with differing "
                                + "member types is represented as a JSON value")
                .inFile(source)
                .onLineContaining("spec = ");
        assertThat(c)
                .generatedSourceFile("com.acme.notes.Note")
                .contentsAsUtf8String()
                .contains("JsonValue body");
    }

    @Test
    void twoClientsInOnePackageCollideOnTheFilesTheyWrite() throws IOException {
        write("valid.yaml", VALID);
        JavaFileObject first = source("valid.yaml");
        JavaFileObject second = JavaFileObjects.forSourceLines(
                "com.acme.Other",
                "package com.acme;",
                "",
                "import dev.crmgen.runtime.GenerateClient;",
                "",
                "@GenerateClient(",
                "        spec = \"valid.yaml\",",
                "        packageName = \"com.acme.notes\")",
                "class Other {}");
        Compilation c = javac().withProcessors(new CrmgenProcessor())
                .withOptions("-A" + SpecLocator.SPEC_ROOT_OPTION + "=" + specRoot)
                .withClasspath(List.of(jar(GenerateClient.class), jar(JsonParser.class)))
                .compile(first, second);
        assertThat(c)
                .hadErrorContaining("[CrmgenWriteFailed] cannot write com.acme.notes.")
                .inFile(second)
                .onLineContaining("packageName = ");
    }
}
