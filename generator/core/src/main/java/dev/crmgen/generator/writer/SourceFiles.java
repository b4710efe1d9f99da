package dev.crmgen.generator.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a top-level type into a source file, with the annotations every generated top-level type carries, laid out
 * within {@link #LINE_LIMIT} columns. JavaPoet wraps code only where a writer marks a place ({@code $W}, {@code $Z})
 * and never wraps comments; {@link #layout} does the rest, and puts a top-level annotation of several members on one
 * line when it fits.
 */
final class SourceFiles {
    /** The longest line generated code should have. */
    static final int LINE_LIMIT = 120;

    private static final Pattern JAVADOC_LINE = Pattern.compile("^(\\s*\\* )(.*)$");
    private static final String MODIFIERS = "(?:public |private |protected |static |final |sealed |abstract )*";
    /**
     * A type declaration's line with its {@code extends}, {@code implements} or {@code permits} list (no string literal
     * in it).
     */
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("^(\\s*)([^\"]*?) ((?:extends|implements|permits) [^\"]*\\{)$");
    /** A field or method declaration: its modifiers and type, then its name and the rest. */
    private static final Pattern MEMBER_DECLARATION = Pattern.compile(
            "^(\\s*)(" + MODIFIERS + "[A-Za-z][\\w.<>?, \\[\\]]*?) ([A-Za-z_$][\\w$]*( =.*| =|\\(.*))$");

    private static final Pattern EMPTY_PARAMETERS_WRAPPED = Pattern.compile("\\(\n\\s+\\)");
    /** A javadoc comment of one text line, as JavaPoet writes every comment: opening, text and closing apart. */
    private static final Pattern ONE_LINE_JAVADOC = Pattern.compile("(?m)^( *)/\\*\\*\n\\1 \\* (\\S.*)\n\\1 \\*/$");
    /** A body JavaPoet left empty, which it writes on two lines. */
    private static final Pattern EMPTY_BODY = Pattern.compile("(?m)^( *)(\\S.*) \\{\n\\1\\}$");
    /** A top-level annotation JavaPoet wrote one member a line, as it writes every annotation of several members. */
    private static final Pattern ANNOTATION_OF_MEMBERS = Pattern.compile("(?m)^(@[\\w.]+)\\(\n((?: {8}.*\n)+)\\)$");

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final String packageName;
    private final AnnotationSpec generated;
    private final boolean deprecates;

    SourceFiles(ApiModel model, String version) {
        this.packageName = model.packageName();
        this.generated = AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", "dev.crmgen.generator.CrmGenerator")
                .addMember("comments", "$S", "crmgen " + version + " from " + model.specName())
                .build();
        this.deprecates = deprecates(model);
    }

    /**
     * Whether the spec deprecates anything: generated code then refers to deprecated types and members itself, which
     * must not warn in a consumer's {@code -Xlint:all -Werror} build (its own uses still warn).
     */
    private static boolean deprecates(ApiModel model) {
        return model.types().values().stream().anyMatch(TypeDecl::deprecated)
                || model.types().values().stream()
                        .filter(t -> t instanceof TypeDecl.RecordDecl)
                        .flatMap(t -> ((TypeDecl.RecordDecl) t).fields().stream())
                        .anyMatch(Field::deprecated);
    }

    /** The source file of {@code type}, annotated {@code @Generated} (and deprecation-quiet when the spec needs it). */
    GeneratedFile file(TypeSpec.Builder type, String simpleName) {
        return file(type, simpleName, UnaryOperator.identity());
    }

    /** As {@link #file(TypeSpec.Builder, String)}, with a final change to the layout of the text. */
    GeneratedFile file(TypeSpec.Builder type, String simpleName, UnaryOperator<String> finish) {
        type.addAnnotation(generated);
        if (deprecates) {
            type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "deprecation")
                    .build());
        }
        JavaFile file = JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        return new GeneratedFile(qualifiedName(simpleName), finish.apply(layout(file.toString())));
    }

    /** The qualified name of the generated type {@code simpleName}. */
    String qualifiedName(String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /** Whether files carry {@code @SuppressWarnings("deprecation")}: a setting every file's content depends on. */
    boolean deprecates() {
        return deprecates;
    }

    /**
     * Lays out what JavaPoet leaves. Trailing spaces (where it wrapped after an {@code =}) are removed. Of the lines
     * over {@link #LINE_LIMIT}, javadoc is broken at the last space that fits (the first after it when a word is
     * longer; a block tag's continuation lines are indented, as in hand-written javadoc); a type declaration continues
     * before {@code extends}, {@code implements} or {@code permits}, and a field or method declaration before its name
     * or after its {@code =}, since JavaPoet has no place to wrap either (nor in empty parentheses, where it wraps
     * wrongly). Javadoc of one text line that fits is then written on one line, and an empty body as {@code {}}.
     */
    static String layout(String source) {
        StringBuilder out = new StringBuilder(source.length() + 256);
        // JavaPoet wraps a long declaration of no parameters inside its empty parentheses; rejoined, it is wrapped
        // before its name below.
        String joined = ANNOTATION_OF_MEMBERS.matcher(source).replaceAll(SourceFiles::annotationOnOneLine);
        for (String line :
                EMPTY_PARAMETERS_WRAPPED.matcher(joined).replaceAll("()").split("\n", -1)) {
            line = line.stripTrailing();
            Matcher javadoc = JAVADOC_LINE.matcher(line);
            Matcher type = TYPE_DECLARATION.matcher(line);
            Matcher member = MEMBER_DECLARATION.matcher(line);
            if (line.length() <= LINE_LIMIT) {
                out.append(line).append('\n');
            } else if (javadoc.matches()) {
                wrapJavadoc(out, javadoc.group(1), javadoc.group(2));
            } else if (type.matches()) {
                out.append(type.group(1)).append(type.group(2)).append('\n');
                wrapAtCommas(out, type.group(1) + "        ", type.group(3));
            } else if (member.matches()) {
                String indent = member.group(1);
                String name = member.group(3)
                        .substring(0, member.group(3).length() - member.group(4).length());
                if (member.group(4).startsWith(" =")
                        && (indent + member.group(2) + " " + name + " =").length() <= LINE_LIMIT) {
                    continueOnNextLine(
                            out,
                            indent,
                            member.group(2) + " " + name + " =",
                            member.group(4).substring(2).stripLeading());
                } else {
                    continueOnNextLine(out, indent, member.group(2), member.group(3));
                }
            } else {
                out.append(line).append('\n');
            }
        }
        String laidOut = out.substring(0, out.length() - 1);
        laidOut = ONE_LINE_JAVADOC.matcher(laidOut).replaceAll(SourceFiles::javadocOnOneLine);
        return EMPTY_BODY.matcher(laidOut).replaceAll("$1$2 {}");
    }

    /** The javadoc {@code match} found as {@code /** Text. *}{@code /} when that fits. */
    private static String javadocOnOneLine(MatchResult match) {
        String line = match.group(1) + "/** " + match.group(2) + " */";
        return Matcher.quoteReplacement(line.length() <= LINE_LIMIT ? line : match.group());
    }

    /** The annotation {@code match} found, on one line when that fits. */
    private static String annotationOnOneLine(MatchResult match) {
        // Each member but the last ends with its comma already.
        String members = String.join(
                " ", match.group(2).strip().lines().map(String::strip).toList());
        String line = match.group(1) + "(" + members + ")";
        return Matcher.quoteReplacement(line.length() <= LINE_LIMIT ? line : match.group());
    }

    private static void continueOnNextLine(StringBuilder out, String indent, String first, String rest) {
        out.append(indent)
                .append(first)
                .append('\n')
                .append(indent)
                .append("        ")
                .append(rest)
                .append('\n');
    }

    /** Writes a list such as {@code permits A, B, C {} on as many lines as it needs, breaking after commas. */
    private static void wrapAtCommas(StringBuilder out, String indent, String list) {
        StringBuilder line = new StringBuilder(indent);
        for (String item : list.split(", ")) {
            boolean first = line.length() == indent.length();
            if (!first && line.length() + item.length() + 2 > LINE_LIMIT) {
                out.append(line).append(",\n");
                line = new StringBuilder(indent).append(item);
            } else {
                line.append(first ? "" : ", ").append(item);
            }
        }
        out.append(line).append('\n');
    }

    private static void wrapJavadoc(StringBuilder out, String prefix, String text) {
        String continuation = text.startsWith("@") ? prefix + "    " : prefix;
        String current = prefix;
        while (current.length() + text.length() > LINE_LIMIT) {
            int room = LINE_LIMIT - current.length();
            int cut = text.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = text.indexOf(' ', room);
            }
            if (cut <= 0) {
                break;
            }
            out.append(current).append(text, 0, cut).append('\n');
            text = text.substring(cut + 1).stripLeading();
            current = continuation;
        }
        out.append(current).append(text).append('\n');
    }
}
