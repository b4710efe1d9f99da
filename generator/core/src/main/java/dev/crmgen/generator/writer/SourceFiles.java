package dev.crmgen.generator.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import java.util.ArrayList;
import java.util.List;
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

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final String packageName;
    private final AnnotationSpec generated;
    /** {@code @SuppressWarnings("deprecation")}, or null when the spec deprecates nothing. */
    private final AnnotationSpec deprecationQuiet;

    SourceFiles(ApiModel model, String version) {
        this.packageName = model.packageName();
        this.generated = AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", "dev.crmgen.generator.CrmGenerator")
                .addMember("comments", "$S", "crmgen " + version + " from " + model.specName())
                .build();
        this.deprecationQuiet = deprecates(model)
                ? AnnotationSpec.builder(SuppressWarnings.class)
                        .addMember("value", "$S", "deprecation")
                        .build()
                : null;
    }

    /**
     * Whether the spec deprecates anything: generated code then refers to deprecated types and members itself, which
     * must not warn in a consumer's {@code -Xlint:all -Werror} build (its own uses still warn).
     */
    private static boolean deprecates(ApiModel model) {
        for (TypeDecl type : model.types().values()) {
            if (type.deprecated()) {
                return true;
            }
            if (type instanceof TypeDecl.RecordDecl record) {
                for (Field field : record.fields()) {
                    if (field.deprecated()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The source file of {@code type}, annotated {@code @Generated} (and deprecation-quiet when the spec needs it). */
    GeneratedFile file(TypeSpec.Builder type, String simpleName) {
        type.addAnnotation(generated);
        if (deprecationQuiet != null) {
            type.addAnnotation(deprecationQuiet);
        }
        JavaFile file = JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        return new GeneratedFile(qualifiedName(simpleName), layout(file.toString()));
    }

    /** The qualified name of the generated type {@code simpleName}. */
    String qualifiedName(String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /** Whether files carry {@code @SuppressWarnings("deprecation")}: a setting every file's content depends on. */
    boolean deprecates() {
        return deprecationQuiet != null;
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
        // Line by line, looking ahead a few lines, rather than whole-text regular expressions: in the cold JVM the
        // generator mostly runs in, each regex pass over every file cost more than the rest of the layout.
        String[] raw = source.split("\n", -1);
        List<String> wrapped = new ArrayList<>(raw.length + 16);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int close = annotationClose(raw, i);
            if (close > 0) {
                String joined = annotationOnOneLine(raw, i, close);
                if (joined != null) {
                    line = joined;
                    i = close;
                }
            }
            // JavaPoet wraps a long declaration of no parameters inside its empty parentheses; rejoined, it is
            // wrapped before its name below.
            int emptyClose;
            while ((emptyClose = emptyParametersClose(raw, i, line)) > 0) {
                String rest = raw[emptyClose];
                line = line + ")" + rest.substring(leadingWhitespace(rest) + 1);
                i = emptyClose;
            }
            wrap(wrapped, line.stripTrailing());
        }
        StringBuilder out = new StringBuilder(source.length() + 256);
        for (int i = 0; i < wrapped.size(); i++) {
            String line = wrapped.get(i);
            if (i + 2 < wrapped.size() && isOneLineJavadoc(line, wrapped.get(i + 1), wrapped.get(i + 2))) {
                String oneLine = line + " " + wrapped.get(i + 1).substring(line.length()) + " */";
                if (oneLine.length() <= LINE_LIMIT) {
                    out.append(oneLine).append('\n');
                } else {
                    out.append(line).append('\n').append(wrapped.get(i + 1)).append('\n');
                    out.append(wrapped.get(i + 2)).append('\n');
                }
                i += 2;
            } else if (i + 1 < wrapped.size() && isEmptyBody(line, wrapped.get(i + 1))) {
                out.append(line).append("}\n");
                i++;
            } else {
                out.append(line).append('\n');
            }
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Adds {@code line} to {@code out}, on several lines when it is over {@link #LINE_LIMIT}. */
    private static void wrap(List<String> out, String line) {
        if (line.length() <= LINE_LIMIT) {
            out.add(line);
            return;
        }
        Matcher javadoc = JAVADOC_LINE.matcher(line);
        if (javadoc.matches()) {
            wrapJavadoc(out, javadoc.group(1), javadoc.group(2));
            return;
        }
        Matcher type = TYPE_DECLARATION.matcher(line);
        if (type.matches()) {
            out.add(type.group(1) + type.group(2));
            wrapAtCommas(out, type.group(1) + "        ", type.group(3));
            return;
        }
        Matcher member = MEMBER_DECLARATION.matcher(line);
        if (member.matches()) {
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
            return;
        }
        out.add(line);
    }

    /**
     * The index of the line closing a top-level annotation that JavaPoet wrote one member a line (as it writes every
     * annotation of several members) and that opens on line {@code open}; -1 when that line opens none.
     */
    private static int annotationClose(String[] lines, int open) {
        String line = lines[open];
        if (line.length() < 3 || line.charAt(0) != '@' || line.charAt(line.length() - 1) != '(') {
            return -1;
        }
        for (int c = 1; c < line.length() - 1; c++) {
            char ch = line.charAt(c);
            if (!(ch == '.' || ch == '_' || isAsciiLetterOrDigit(ch))) {
                return -1;
            }
        }
        int i = open + 1;
        while (i < lines.length && isAnnotationMember(lines[i])) {
            i++;
        }
        return i > open + 1 && i < lines.length && lines[i].equals(")") ? i : -1;
    }

    private static boolean isAnnotationMember(String line) {
        return line.startsWith("        ") && !hasLineBreak(line);
    }

    /** The annotation on lines {@code open} to {@code close} on one line, or null when that does not fit. */
    private static String annotationOnOneLine(String[] lines, int open, int close) {
        StringBuilder joined = new StringBuilder(LINE_LIMIT).append(lines[open]);
        int first = open + 1;
        int last = close - 1;
        // Blank member lines at either end vanish; one in between leaves its separating space.
        while (first <= last && lines[first].isBlank()) {
            first++;
        }
        while (last >= first && lines[last].isBlank()) {
            last--;
        }
        for (int i = first; i <= last; i++) {
            // Each member but the last ends with its comma already.
            joined.append(i == first ? "" : " ").append(lines[i].strip());
        }
        joined.append(')');
        return joined.length() <= LINE_LIMIT ? joined.toString() : null;
    }

    /**
     * The index of the line closing the empty parentheses that {@code line} (read as line {@code at}) opens at its
     * end, when only whitespace (at least one character of it besides the line break) lies between them; -1 if none.
     */
    private static int emptyParametersClose(String[] lines, int at, String line) {
        if (!line.endsWith("(")) {
            return -1;
        }
        int blank = 0;
        int i = at + 1;
        while (i < lines.length && leadingWhitespace(lines[i]) == lines[i].length()) {
            blank += lines[i].length() + 1;
            i++;
        }
        if (i == lines.length) {
            return -1;
        }
        int indent = leadingWhitespace(lines[i]);
        return lines[i].charAt(indent) == ')' && blank + indent > 0 ? i : -1;
    }

    /** Whether the three lines are a javadoc comment of one text line, as JavaPoet writes every comment. */
    private static boolean isOneLineJavadoc(String open, String text, String close) {
        int indent = leadingSpaces(open);
        return open.length() == indent + 3
                && open.endsWith("/**")
                && close.length() == indent + 3
                && close.startsWith(" */", indent)
                && leadingSpaces(close) == indent + 1
                && text.length() > indent + 3
                && text.startsWith(" * ", indent)
                && leadingSpaces(text) == indent + 1
                && !isRegexWhitespace(text.charAt(indent + 3))
                && !hasLineBreak(text);
    }

    /** Whether {@code open} ends with a {@code {} that JavaPoet closed on the next line, the body left empty. */
    private static boolean isEmptyBody(String open, String close) {
        int indent = leadingSpaces(open);
        return close.length() == indent + 1
                && close.charAt(indent) == '}'
                && leadingSpaces(close) == indent
                && open.length() >= indent + 3
                && !isRegexWhitespace(open.charAt(indent))
                && open.endsWith(" {")
                && !hasLineBreak(open);
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static int leadingWhitespace(String line) {
        int n = 0;
        while (n < line.length() && isRegexWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }

    /** Whitespace as {@code \s} in a regular expression means it: ASCII only. */
    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Whether the line holds a character other than {@code \n} that breaks lines (a carriage return, next line, line
     * or paragraph separator, from spec text): such a line is left as JavaPoet wrote it, never joined with another.
     */
    private static boolean hasLineBreak(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static void continueOnNextLine(List<String> out, String indent, String first, String rest) {
        out.add(indent + first);
        out.add(indent + "        " + rest);
    }

    /** Writes a list such as {@code permits A, B, C {} on as many lines as it needs, breaking after commas. */
    private static void wrapAtCommas(List<String> out, String indent, String list) {
        StringBuilder line = new StringBuilder(indent);
        for (String item : list.split(", ")) {
            boolean first = line.length() == indent.length();
            if (!first && line.length() + item.length() + 2 > LINE_LIMIT) {
                out.add(line.append(',').toString());
                line = new StringBuilder(indent).append(item);
            } else {
                line.append(first ? "" : ", ").append(item);
            }
        }
        out.add(line.toString());
    }

    private static void wrapJavadoc(List<String> out, String prefix, String text) {
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
            out.add(current + text.substring(0, cut));
            text = text.substring(cut + 1).stripLeading();
            current = continuation;
        }
        out.add(current + text);
    }
}
