package dev.crmgen.generator.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Turns spec names into Java identifiers: one place for sanitising, keywords, reserved names and case rules. */
public final class JavaNames {
    /**
     * Simple names a generated type must not take: java.lang types (a same-package type would shadow them) and the
     * types generated code imports or nests.
     */
    private static final Set<String> RESERVED_TYPE_NAMES = Set.of(
            "Object",
            "String",
            "Integer",
            "Long",
            "Float",
            "Double",
            "Boolean",
            "Byte",
            "Short",
            "Character",
            "Number",
            "Void",
            "Class",
            "Enum",
            "Record",
            "Error",
            "Exception",
            "RuntimeException",
            "Throwable",
            "Override",
            "Deprecated",
            "SuppressWarnings",
            "FunctionalInterface",
            "SafeVarargs",
            "Iterable",
            "Comparable",
            "CharSequence",
            "Math",
            "System",
            "Thread",
            "Runnable",
            "Process",
            "Module",
            "Package",
            "StringBuilder",
            "Appendable",
            "AutoCloseable",
            "Cloneable",
            "Runtime",
            "ClassLoader",
            "Compiler",
            "Generated",
            "List",
            "Map",
            "Objects",
            "Collection",
            "Collections",
            "ArrayList",
            "LinkedHashMap",
            "CompletableFuture",
            "IOException",
            "UUID",
            "BigDecimal",
            "OffsetDateTime",
            "LocalDate",
            "Builder",
            "Known",
            "Function",
            "Supplier",
            "DecodedList",
            "DecodedMap",
            "Unknown");

    /** Record component names that would clash with methods every record has or that generated records add. */
    private static final Set<String> RESERVED_MEMBER_NAMES = Set.of(
            "hashCode",
            "toString",
            "equals",
            "getClass",
            "notify",
            "notifyAll",
            "wait",
            "clone",
            "finalize",
            "builder",
            "jsonCodec",
            "toBuilder");

    private JavaNames() {}

    /** {@code hs_note_body} → {@code [hs, note, body]}; {@code objectWriteTraceId} stays one word. */
    static List<String> words(String raw) {
        // The runs of ASCII letters and digits, found by hand: String.split compiles its pattern on every call, and
        // every name of a spec passes through here.
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            boolean wordChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(raw.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** {@code hs-object-id} → {@code hsObjectId}; keywords and reserved member names get a trailing underscore. */
    public static String memberName(String raw) {
        String camel = lowerCamel(raw);
        if (camel.isEmpty()) {
            camel = "value";
        }
        if (!Character.isJavaIdentifierStart(camel.charAt(0))) {
            camel = "_" + camel;
        }
        if (SourceVersion.isKeyword(camel) || camel.equals("_") || RESERVED_MEMBER_NAMES.contains(camel)) {
            camel = camel + "_";
        }
        return camel;
    }

    /** A method or parameter name; the same rules as {@link #memberName}. */
    public static String methodName(String raw) {
        return memberName(raw);
    }

    static String lowerCamel(String raw) {
        List<String> words = words(raw);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i == 0) {
                out.append(isAllUpper(w) ? w.toLowerCase(Locale.ROOT) : decapitalize(w));
            } else {
                out.append(capitalize(w));
            }
        }
        return out.toString();
    }

    /** {@code simple-public-object} → {@code SimplePublicObject}; java.lang and other reserved names get {@code Model}. */
    public static String typeName(String raw) {
        StringBuilder out = new StringBuilder();
        for (String w : words(raw)) {
            out.append(capitalize(w));
        }
        String name = out.length() == 0 ? "Anonymous" : out.toString();
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "_" + name;
        }
        if (RESERVED_TYPE_NAMES.contains(name)) {
            name = name + "Model";
        }
        return name;
    }

    /** The client class named after a spec's {@code info.title}: {@code Notes} → {@code NotesClient}. */
    public static String clientName(String title) {
        return typeName((title == null || title.isBlank() ? "Api" : title) + " Client");
    }

    /** {@code in-progress} → {@code IN_PROGRESS}; {@code 123} → {@code VALUE_123}; {@code ""} → {@code EMPTY}. */
    public static String constantName(String raw) {
        List<String> parts = new ArrayList<>();
        for (String w : words(raw)) {
            parts.addAll(splitCamel(w));
        }
        String name = String.join("_", parts).toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            return raw.isEmpty() ? "EMPTY" : "VALUE";
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = (raw.startsWith("-") ? "VALUE_MINUS_" : "VALUE_") + name;
        }
        return name;
    }

    /** {@code createdAt} → {@code [created, At]}; all-caps runs stay together. */
    private static List<String> splitCamel(String word) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < word.length(); i++) {
            char prev = word.charAt(i - 1);
            char c = word.charAt(i);
            if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                out.add(word.substring(start, i));
                start = i;
            }
        }
        out.add(word.substring(start));
        return out;
    }

    /** The singular of a plural component name for builder adders: {@code properties} → {@code property}; null when none. */
    public static String singular(String plural) {
        if (plural.endsWith("ies") && plural.length() > 3) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("sses") || plural.endsWith("xes") || plural.endsWith("ches") || plural.endsWith("shes")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (plural.endsWith("s") && !plural.endsWith("ss") && plural.length() > 1) {
            return plural.substring(0, plural.length() - 1);
        }
        return null;
    }

    public static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    public static String decapitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static boolean isAllUpper(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLowerCase(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is a valid, dot-separated Java package name. */
    public static boolean isPackageName(String name) {
        if (name.isEmpty()) {
            return true;
        }
        for (String part : name.split("\\.", -1)) {
            if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} can name a class. */
    public static boolean isTypeName(String name) {
        return SourceVersion.isIdentifier(name)
                && !SourceVersion.isKeyword(name)
                && !RESERVED_TYPE_NAMES.contains(name);
    }
}
