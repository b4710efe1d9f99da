package dev.crmgen.generator.naming;

import dev.crmgen.generator.hubspot.HubSpotOperations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Client method names for a spec's operations: HubSpot's operation ids read as actions, ids that only repeat the path
 * named from method and path like HubSpot's own ({@code getPage}, {@code getById}, {@code batchRead}), other ids kept;
 * names several operations share are told apart by their paths, then by a number.
 */
public final class OperationNames {
    private OperationNames() {}

    /**
     * One operation as the spec declares it.
     *
     * @param httpMethod upper case, such as {@code POST}
     * @param operationId the spec's id, or null
     */
    public record Endpoint(String path, String httpMethod, String operationId) {}

    /** A method name per endpoint, in order; none takes another's {@code …Async} or {@code …All} name. */
    public static List<String> of(List<Endpoint> endpoints, Set<String> paths) {
        List<String> prefix = commonPrefix(paths);
        Map<String, Integer> baseCounts = new HashMap<>();
        for (Endpoint e : endpoints) {
            String base = baseMethodName(e, prefix);
            baseCounts.put(base, baseCounts.getOrDefault(base, 0) + 1);
        }
        NameTable methodNames = MemberNames.clientMethods();
        List<String> names = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String base = baseMethodName(e, prefix);
            if (baseCounts.get(base) > 1) {
                base = base + qualifier(e.path(), prefix);
            }
            String name = base;
            for (int i = 2; anyTaken(methodNames, MemberNames.clientMethods(name)); i++) {
                name = base + i;
            }
            for (String method : MemberNames.clientMethods(name)) {
                methodNames.reserve(method);
            }
            names.add(name);
        }
        return names;
    }

    /**
     * HubSpot's {@code post-/crm/v3/objects/notes/batch/update_update} → {@code batchUpdate}; ids that only repeat the
     * path are named from method and path; other readable ids are kept.
     *
     * @param prefix the literal path segments every path of the spec starts with
     */
    static String baseMethodName(Endpoint endpoint, List<String> prefix) {
        String id = endpoint.operationId();
        if (id == null || id.isBlank() || HubSpotOperations.idRepeatsPath(id)) {
            return nameFromPath(endpoint.path(), endpoint.httpMethod(), prefix);
        }
        String action = HubSpotOperations.actionWords(id);
        return JavaNames.methodName(action != null ? action : id);
    }

    private static String nameFromPath(String path, String method, List<String> prefix) {
        List<String> rest = new ArrayList<>();
        int literal = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!HubSpotOperations.isParameter(segment)
                    && literal < prefix.size()
                    && rest.isEmpty()
                    && segment.equals(prefix.get(literal))) {
                literal++;
                continue;
            }
            rest.add(segment);
        }
        boolean endsWithParam = !rest.isEmpty() && HubSpotOperations.isParameter(rest.get(rest.size() - 1));
        List<String> literals = new ArrayList<>(rest.size());
        for (String segment : rest) {
            if (!HubSpotOperations.isParameter(segment)) {
                literals.add(segment);
            }
        }
        String last = literals.isEmpty() ? "" : literals.get(literals.size() - 1);
        String verb = method.toLowerCase(Locale.ROOT);
        if (rest.isEmpty() || (rest.size() == 1 && endsWithParam)) {
            return switch (method) {
                case "GET" -> rest.isEmpty() ? "getPage" : "getById";
                case "POST" -> "create";
                case "PATCH" -> "update";
                case "PUT" -> "replace";
                case "DELETE" -> "archive";
                default -> verb;
            };
        }
        if (HubSpotOperations.isBatch(rest)) {
            return JavaNames.methodName("batch " + last);
        }
        if (last.equals("search") && !endsWithParam) {
            return "doSearch";
        }
        // Actions (POST, and PUT/PATCH on a literal segment) are named by their segments alone, others get their verb;
        // path parameters are left to the collision qualifier.
        StringBuilder words = new StringBuilder(
                switch (method) {
                    case "POST" -> "";
                    case "PATCH", "PUT" -> endsWithParam ? "update " : "";
                    default -> verb + " ";
                });
        for (String segment : literals) {
            words.append(segment).append(' ');
        }
        return JavaNames.methodName(words.toString());
    }

    /** The literal segments every path starts with, such as {@code [crm, v3, objects, notes]}. */
    private static boolean anyTaken(NameTable names, List<String> wanted) {
        for (String name : wanted) {
            if (names.isTaken(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> commonPrefix(Set<String> paths) {
        List<String> prefix = null;
        for (String path : paths) {
            List<String> leading = new ArrayList<>();
            for (String segment : path.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (HubSpotOperations.isParameter(segment)) {
                    break;
                }
                leading.add(segment);
            }
            if (prefix == null) {
                prefix = leading;
            } else {
                int i = 0;
                while (i < prefix.size() && i < leading.size() && prefix.get(i).equals(leading.get(i))) {
                    i++;
                }
                prefix = new ArrayList<>(prefix.subList(0, i));
            }
        }
        if (prefix == null) {
            return List.of();
        }
        // Batch and search segments name operations, and a lone path keeps its last segment to name it by.
        int batch = prefix.indexOf("batch");
        if (batch >= 0) {
            prefix = prefix.subList(0, batch);
        }
        if (paths.size() == 1 && !prefix.isEmpty()) {
            prefix = prefix.subList(0, prefix.size() - 1);
        }
        return prefix;
    }

    /**
     * What tells two same-named operations apart: the path after the common prefix, such as
     * {@code GroupsByObjectType}.
     */
    private static String qualifier(String path, List<String> prefix) {
        StringBuilder out = new StringBuilder();
        int literal = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean parameter = HubSpotOperations.isParameter(segment);
            if (!parameter && literal < prefix.size() && out.length() == 0 && segment.equals(prefix.get(literal))) {
                literal++;
                continue;
            }
            out.append(
                    parameter
                            ? "By" + JavaNames.typeName(segment.replaceAll("[{}]", ""))
                            : JavaNames.typeName(segment));
        }
        return out.toString();
    }
}
