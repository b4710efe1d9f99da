package dev.crmgen.generator.naming;

import java.util.List;

/**
 * Names of members generated code declares beside those the spec names, reserved here so that a spec's names never
 * take them: the client's per-operation methods, its batch methods' and per-call options' parameters and an open enum's
 * own fields.
 */
public final class MemberNames {
    /** The client's field holding the runtime's invoker. */
    public static final String INVOKER = "invoker";
    /** An open enum's codec field. */
    public static final String ENUM_CODEC = "CODEC";
    /** An open enum's map of the values the spec lists. */
    public static final String ENUM_LISTED = "LISTED";
    /** The open enum constant for values the spec does not list, unless a listed value takes the name. */
    public static final String ENUM_UNKNOWN = "UNKNOWN";
    /** The trailing parameter of every client method's per-call options form. */
    public static final String REQUEST_OPTIONS = "requestOptions";
    /** Parameters the client's batch methods and per-call options forms declare beside the operation's own. */
    private static final List<String> BATCH_PARAMETERS =
            List.of("inputs", "request", "options", "chunk", REQUEST_OPTIONS);

    private MemberNames() {}

    /** The method returning a {@code CompletableFuture} for operation method {@code method}. */
    public static String async(String method) {
        return method + "Async";
    }

    /** The method sending any number of inputs through batch operation method {@code method}. */
    public static String all(String method) {
        return method + "All";
    }

    /** Every client method an operation method name stands for: itself, its async form and its batch form. */
    public static List<String> clientMethods(String method) {
        return List.of(method, async(method), all(method));
    }

    /** A table for one enum's constants, with the enum's own fields taken. */
    public static NameTable enumConstants() {
        NameTable names = new NameTable(false);
        names.reserve(ENUM_CODEC);
        names.reserve(ENUM_LISTED);
        return names;
    }

    /** A table for one operation's method parameters, with the batch methods' own parameters taken. */
    public static NameTable operationParameters() {
        NameTable names = new NameTable(false);
        BATCH_PARAMETERS.forEach(names::reserve);
        return names;
    }

    /** A table for the client's methods, with its own field taken. */
    public static NameTable clientMethods() {
        NameTable names = new NameTable(false);
        names.reserve(INVOKER);
        return names;
    }
}
