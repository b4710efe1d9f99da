package dev.crmgen.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

/** Specs read token by token give exactly the trees Jackson's object mapper gives, node types included. */
class SpecTreesTest {
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    private static final ObjectMapper YAML_MAPPER = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(largeYaml())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private static LoaderOptions largeYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(SpecText.MAX_YAML_CODE_POINTS);
        return options;
    }

    private static void assertSameTree(String text) throws Exception {
        JsonNode expected = (SpecText.isJson(text) ? JSON_MAPPER : YAML_MAPPER).readTree(text);
        JsonNode actual = SpecText.readTree(text);
        assertEquals(expected, actual, text);
        assertEquals(expected.toString(), actual.toString(), text);
    }

    @Test
    void scalarsKeepTheNodeTypesTheMapperGives() throws Exception {
        for (String text : List.of(
                "{\"int\": 7, \"long\": 12345678901, \"big\": 123456789012345678901234567890, \"double\": 1.5,"
                        + " \"exp\": 1e300, \"negative\": -0.0, \"t\": true, \"f\": false, \"n\": null, \"s\": \"\\u00e9\"}",
                "int: 7\nlong: 12345678901\nbig: 123456789012345678901234567890\ndouble: 1.5\nexp: 1.0e+300\n"
                        + "hex: 0x1F\nt: true\nf: false\nn: ~\nempty:\nquoted: '42'\ndate: 2024-01-31\n",
                "bin: !!binary aGVsbG8=\n",
                "[1, [2, [3, {\"a\": []}]], {}]",
                "- a\n- - b\n  - {c: d}\n- {}\n",
                "42",
                "just text",
                "# only a comment\n")) {
            assertSameTree(text);
        }
    }

    @Test
    void deepNestingIsReadWithoutRecursion() throws Exception {
        int depth = 900;
        assertSameTree("[".repeat(depth) + "]".repeat(depth));
        assertSameTree("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    @Test
    void syntaxErrorsAreTheParsersWithTheirLocation() {
        JsonProcessingException json =
                assertThrows(JsonProcessingException.class, () -> SpecText.readTree("{\"a\": [1, 2}"));
        assertEquals(1, json.getLocation().getLineNr());
        JsonProcessingException yaml =
                assertThrows(JsonProcessingException.class, () -> SpecText.readTree("a: [1, 2\nb: c\n"));
        assertTrue(yaml.getLocation().getLineNr() >= 2, yaml.getMessage());
    }

    @Test
    void everyPublishedHubSpotSpecReadsToTheMappersTree() throws Exception {
        String shared = System.getProperty("crmgen.shared");
        Path folder = shared == null ? null : Path.of(shared, "specs", "hubspot");
        assumeTrue(folder != null && Files.isDirectory(folder), "skipped: HubSpot specs not found (crmgen.shared)");
        List<Path> specs;
        try (Stream<Path> files = Files.walk(folder)) {
            specs = files.filter(
                            p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        assertTrue(specs.size() >= 106, "specs found: " + specs.size());
        for (Path spec : specs) {
            assertSameTree(Files.readString(spec));
        }
    }
}
