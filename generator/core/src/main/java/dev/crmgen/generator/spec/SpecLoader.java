package dev.crmgen.generator.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.diagnostic.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a spec's text and tree, checks that it is an OpenAPI 3 document, and lists the local files it reaches so that
 * build tools know when to regenerate.
 */
final class SpecLoader {
    private final Problems problems;
    private final List<Path> inputFiles = new ArrayList<>();

    /**
     * A spec read as text and as a tree.
     *
     * @param location where it was read, or null for inline text
     */
    record Loaded(String content, JsonNode tree, URI location) {}

    SpecLoader(Problems problems) {
        this.problems = problems;
    }

    /** The spec file and every local file it references, as far as they were reached. */
    List<Path> inputFiles() {
        return List.copyOf(inputFiles);
    }

    /** The spec when it is readable OpenAPI 3, or null after reporting why not. */
    Loaded load(SpecSource source) {
        String content = read(source);
        if (content == null) {
            return null;
        }
        JsonNode tree = parseTree(content);
        if (tree == null) {
            return null;
        }
        if (!tree.isObject() || !tree.has("openapi")) {
            if (tree.isObject() && tree.has("swagger")) {
                problems.error(
                        Tags.UNSUPPORTED,
                        "#/swagger",
                        "Swagger " + tree.get("swagger").asText()
                                + " specs are not supported; convert the spec to OpenAPI 3 (for example with"
                                + " swagger2openapi).");
            } else {
                problems.error(
                        Tags.SPEC_INVALID,
                        null,
                        "not an OpenAPI document: the top level needs an 'openapi: 3.x' field, 'info' and 'paths'.");
            }
            return null;
        }
        String version = tree.get("openapi").asText();
        if (!version.startsWith("3.")) {
            problems.error(
                    Tags.UNSUPPORTED, "#/openapi", "OpenAPI version " + version + " is not supported; use 3.0 or 3.1.");
            return null;
        }
        collectLocalFiles(tree, source.location(), new HashSet<>());
        return new Loaded(content, tree, source.location());
    }

    private String read(SpecSource source) {
        if (source.content() != null) {
            if (source.location() != null && "file".equals(source.location().getScheme())) {
                inputFiles.add(Path.of(source.location()));
            }
            return source.content();
        }
        URI location = source.location();
        byte[] bytes;
        try {
            if ("file".equals(location.getScheme())) {
                Path path = Path.of(location);
                inputFiles.add(path);
                bytes = Files.readAllBytes(path);
            } else {
                try (InputStream in = location.toURL().openStream()) {
                    bytes = in.readAllBytes();
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.error(
                    Tags.SPEC_NOT_FOUND, null, "cannot read the spec at " + location + " (" + e + "); check the path.");
            return null;
        }
        return decode(bytes, displayLocation(location));
    }

    private static String displayLocation(URI location) {
        return "file".equals(location.getScheme()) ? Path.of(location).toString() : location.toString();
    }

    /** The text of a spec file, or null after reporting where it stops being UTF-8. */
    private String decode(byte[] bytes, String where) {
        try {
            return SpecText.decode(bytes);
        } catch (SpecText.NotUtf8Exception e) {
            problems.error(
                    Tags.SPEC_ENCODING,
                    null,
                    where + " is not UTF-8 text: " + e.getMessage()
                            + "; save it as UTF-8 (OpenAPI documents are UTF-8; a UTF-8 byte-order mark is fine).");
            return null;
        }
    }

    private JsonNode parseTree(String content) {
        if (content.isBlank()) {
            problems.error(Tags.SPEC_INVALID, null, "the spec is empty; it needs 'openapi: 3.x', 'info' and 'paths'.");
            return null;
        }
        boolean json = SpecText.isJson(content);
        try {
            return SpecText.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            problems.error(
                    Tags.SPEC_SYNTAX,
                    null,
                    (json ? "JSON" : "YAML") + " syntax error" + at + ": " + e.getOriginalMessage()
                            + "; fix the spec text there.");
            return null;
        }
    }

    /** Adds every local file reached through a relative {@code $ref}, so build tools can tell when to regenerate. */
    private void collectLocalFiles(JsonNode node, URI base, Set<Path> seen) {
        if (base == null || !"file".equals(base.getScheme())) {
            return;
        }
        List<JsonNode> refs = new ArrayList<>();
        node.findValues("$ref").forEach(refs::add);
        for (JsonNode ref : refs) {
            String text = ref.asText();
            int hash = text.indexOf('#');
            String file = hash >= 0 ? text.substring(0, hash) : text;
            if (file.isEmpty() || file.contains("://")) {
                continue;
            }
            Path path = Path.of(base.resolve(file));
            if (seen.add(path) && Files.isRegularFile(path)) {
                inputFiles.add(path);
                try {
                    String content = decode(Files.readAllBytes(path), path.toString());
                    if (content == null) {
                        continue;
                    }
                    JsonNode tree = SpecText.readTree(content);
                    collectLocalFiles(tree, path.toUri(), seen);
                } catch (IOException e) {
                    problems.error(
                            Tags.UNRESOLVED_REF,
                            null,
                            "cannot read " + path + " referenced by the spec: " + e.getMessage());
                }
            }
        }
    }
}
