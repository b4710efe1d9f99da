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
    /** An open enum's field holding its listed values (the runtime's {@code OpenEnum.Values}), codec included. */
    public static final String ENUM_LISTED = "LISTED";
    /** The open enum constant for values the spec does not list, unless a listed value takes the name. */
    public static final String ENUM_UNKNOWN = "UNKNOWN";
    /** The parameter holding an operation's parameter record. */
    public static final String PARAMETER_RECORD = "params";
    /** The parameter of a search stream method choosing what happens past HubSpot's search ceiling. */
    public static final String SEARCH_LIMIT_POLICY = "policy";
    /** The trailing parameter of every client method's per-call options form. */
    public static final String REQUEST_OPTIONS = "requestOptions";
    /** Parameters the client's batch, paging, search and per-call options methods declare beside the operation's own. */
    private static final List<String> GENERATED_PARAMETERS =
            List.of("inputs", "request", "options", "chunk", PARAMETER_RECORD, SEARCH_LIMIT_POLICY, REQUEST_OPTIONS);

    private MemberNames() {}

    /** The method returning a {@code CompletableFuture} for operation method {@code method}. */
    public static String async(String method) {
        return method + "Async";
    }

    /** The method sending any number of inputs through batch operation method {@code method}. */
    public static String all(String method) {
        return method + "All";
    }

    /** The method streaming every item of cursor-paged operation method {@code method}, page by page. */
    public static String stream(String method) {
        return method + "Stream";
    }

    /** The parameter record type wanted for operation method {@code method}, before collisions are settled. */
    public static String parameterRecord(String method) {
        return JavaNames.capitalize(method) + "Params";
    }

    /** Every client method an operation method name stands for: itself and its async, batch and stream forms. */
    public static List<String> clientMethods(String method) {
        return List.of(method, async(method), all(method), stream(method));
    }

    /** A table for one enum's constants, with the enum's own fields taken. */
    public static NameTable enumConstants() {
        NameTable names = new NameTable(false);
        names.reserve(ENUM_LISTED);
        return names;
    }

    /** A table for one operation's method parameters, with the parameters generated methods add taken. */
    public static NameTable operationParameters() {
        NameTable names = new NameTable(false);
        for (String name : GENERATED_PARAMETERS) {
            names.reserve(name);
        }
        return names;
    }

    /** A table for the client's methods, with its own field taken. */
    public static NameTable clientMethods() {
        NameTable names = new NameTable(false);
        names.reserve(INVOKER);
        return names;
    }
}
