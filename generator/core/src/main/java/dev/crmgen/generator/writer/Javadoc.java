package dev.crmgen.generator.writer;

import com.palantir.javapoet.CodeBlock;

/** Spec text made safe for javadoc, and javadoc paragraphs built from it. */
final class Javadoc {
    private Javadoc() {}

    /** Javadoc text with the sequences that would end the comment or start a unicode escape neutralised. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.strip()
                .replace("\r\n", "\n")
                .replace("*/", "*&#47;")
                .replace("/*", "&#47;*")
                .replace("\\", "&#92;")
                .replace("@", "&#64;");
    }

    /** Escaped paragraphs separated by {@code <p>}, blank ones left out; empty when every one is blank. */
    static CodeBlock paragraphs(String... paragraphs) {
        CodeBlock.Builder b = CodeBlock.builder();
        boolean first = true;
        for (String p : paragraphs) {
            if (p == null || p.isBlank()) {
                continue;
            }
            if (!first) {
                b.add("\n<p>");
            }
            b.add("$L\n", escape(p));
            first = false;
        }
        return b.build();
    }
}
