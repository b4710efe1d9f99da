package dev.crmgen.generator.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What {@link SourceFiles#layout} does to the lines JavaPoet leaves over 120 columns, and to nothing else. */
class SourceFilesLayoutTest {
    private static final String WORDS = "word ".repeat(30).strip();

    @Test
    void javadocBreaksAtSpacesAndIndentsABlockTagsContinuation() {
        String source = "    /**\n     * " + WORDS + "\n     * @param body " + WORDS + "\n     */";
        // 116 and 118 columns: one word more would pass 120.
        assertEquals(
                "    /**\n"
                        + "     * " + "word ".repeat(22).strip() + "\n"
                        + "     * " + "word ".repeat(8).strip() + "\n"
                        + "     * @param body " + "word ".repeat(20).strip() + "\n"
                        + "     *     " + "word ".repeat(10).strip() + "\n"
                        + "     */",
                SourceFiles.layout(source));
    }

    @Test
    void aLongDeclarationWithoutParametersBreaksBeforeItsNameNotInsideItsParentheses() {
        String type =
                "CompletableFuture<CollectionResponseSimplePublicObjectWithAssociationsForwardPagingEvenLongerName>";
        assertEquals(
                "    public " + type + "\n            getPageAsync() {",
                SourceFiles.layout("    public " + type + " getPageAsync(\n            ) {"));
    }

    @Test
    void aWordLongerThanTheLineStaysWhole() {
        String url = "https://developers.hubspot.com/" + "x".repeat(100);
        assertEquals(
                "/**\n * See\n * " + url + "\n * for more.\n */",
                SourceFiles.layout("/**\n * See " + url + " for more.\n */"));
    }

    @Test
    void aLongPermitsListContinuesOnIndentedLines() {
        String members = "FirstVeryLongMemberNameOfTheUnion, SecondVeryLongMemberNameOfTheUnion, "
                + "ThirdVeryLongMemberNameOfTheUnion";
        assertEquals(
                "public sealed interface Union\n" + "        permits " + members + ",\n" + "        Fourth.Unknown {",
                SourceFiles.layout("public sealed interface Union permits " + members + ", Fourth.Unknown {"));
    }

    @Test
    void aLongFieldDeclarationContinuesAfterItsAssignment() {
        String name = "VERY_LONG_CONSTANT_NAME_".repeat(3) + "X";
        String line = "    private static final SerializedString " + name + " = new SerializedString(\"a = b\");";
        assertEquals(
                "    private static final SerializedString " + name + " =\n"
                        + "            new SerializedString(\"a = b\");",
                SourceFiles.layout(line));
    }

    @Test
    void shortLinesKeepTheirLayoutLessTrailingSpaces() {
        String source = "    private static final ResponseMapper<Thing> GET_THING_RESPONSE = \n"
                + "            ResponseMapper.<Thing>builder()\n\n    int x = 1;";
        assertEquals(
                "    private static final ResponseMapper<Thing> GET_THING_RESPONSE =\n"
                        + "            ResponseMapper.<Thing>builder()\n\n    int x = 1;",
                SourceFiles.layout(source));
    }

    @Test
    void aTopLevelAnnotationOfSeveralMembersGoesOnOneLineWhenItFits() {
        String wrapped = "@Generated(\n        value = \"a.B\",\n        comments = \"crmgen 1 from x$1.json\"\n)\n"
                + "public record R(int a) {\n}";
        assertEquals(
                "@Generated(value = \"a.B\", comments = \"crmgen 1 from x$1.json\")\npublic record R(int a) {}",
                SourceFiles.layout(wrapped));
    }

    @Test
    void aTopLevelAnnotationTooLongForOneLineKeepsOneMemberALine() {
        String wrapped = "@Generated(\n        value = \"a.B\",\n        comments = \"" + "x".repeat(100) + "\"\n)\n"
                + "public record R(int a) {\n}";
        assertEquals(wrapped.replace("{\n}", "{}"), SourceFiles.layout(wrapped));
    }

    @Test
    void javadocOfOneTextLineGoesOnOneLineWhenItFits() {
        String text = "x".repeat(120 - "    /**  */".length());
        assertEquals(
                "    /** The codec. */\n    int a;\n    /** " + text + " */\n    int b;",
                SourceFiles.layout("    /**\n     * The codec.\n     */\n    int a;\n    /**\n     * " + text
                        + "\n     */\n    int b;"));
    }

    @Test
    void javadocOfSeveralLinesOrTooLongForOneStaysAsItIs() {
        String tooLong = "    /**\n     * " + "x".repeat(120 - "    /**  */".length() + 1) + "\n     */";
        String twoLines = "/**\n * First.\n *\n * @param a the a\n */";
        assertEquals(tooLong + "\n" + twoLines, SourceFiles.layout(tooLong + "\n" + twoLines));
    }

    @Test
    void anEmptyBodyGoesOnOneLineAndANonEmptyOneDoesNot() {
        assertEquals(
                "    private Builder() {}\n    void run() {\n        go();\n    }\n    class A {\n        }",
                SourceFiles.layout("    private Builder() {\n    }\n    void run() {\n        go();\n    }\n"
                        + "    class A {\n        }"));
    }

    @Test
    void aShortDeclarationWrappedInsideEmptyParenthesesIsRejoinedAndItsEmptyBodyClosed() {
        assertEquals(
                "    void run() {}\n    Object a = f().g();",
                SourceFiles.layout("    void run(\n            ) {\n    }\n    Object a = f(\n\n    ).g(\n        );"));
    }

    @Test
    void onlyTheInnermostOfNestedEmptyBodiesGoesOnOneLine() {
        assertEquals("class A {\n    class B {}\n}", SourceFiles.layout("class A {\n    class B {\n    }\n}"));
    }

    @Test
    void anAnnotationInsideATypeKeepsOneMemberALine() {
        String nested = "class A {\n    @Foo(\n            a = 1,\n            b = 2\n    )\n    int x;\n}";
        assertEquals(nested, SourceFiles.layout(nested));
    }

    @Test
    void javadocWhoseTextHoldsACarriageReturnFromTheSpecStaysOnThreeLines() {
        String javadoc = "    /**\n     * First\rsecond.\n     */\n    int a;";
        assertEquals(javadoc, SourceFiles.layout(javadoc));
    }
}
