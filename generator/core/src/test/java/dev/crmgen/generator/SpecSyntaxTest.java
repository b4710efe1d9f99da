package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.diagnostic.Diagnostic;
import dev.crmgen.generator.diagnostic.Tags;
import org.junit.jupiter.api.Test;

/** What the spec reader reports about the text of a spec before Swagger Parser sees it. */
class SpecSyntaxTest {

    @Test
    void aJsonSpecWithARepeatedKeyIsASyntaxErrorNamingTheLine() {
        String spec = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n"
                + "  \"paths\": {},\n  \"paths\": {}\n}\n";

        GenerationResult result =
                CrmGenerator.generate(SpecSource.inline("dup.json", spec), new GeneratorOptions("a.b", null));

        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        Diagnostic error = result.diagnostics().get(0);
        assertEquals(Tags.SPEC_SYNTAX, error.tag());
        assertTrue(error.message().contains("JSON syntax error at line 5"), error.message());
        assertTrue(error.message().contains("Duplicate field 'paths'"), error.message());
        assertTrue(result.files().isEmpty());
    }
}
