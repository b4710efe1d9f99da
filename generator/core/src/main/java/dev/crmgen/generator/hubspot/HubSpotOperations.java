package dev.crmgen.generator.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What HubSpot's paths and operation ids say about an operation, read from the text alone. */
public final class HubSpotOperations {
    /** {@code post-/crm/v3/objects/notes/batch/update_update}: verb, path, and the action after the underscore. */
    private static final Pattern ACTION_ID =
            Pattern.compile("^(get|put|post|patch|delete|head|options)-(/.*)_([A-Za-z0-9]+)$");
    /** The id forms without an action: {@code post-/crm/v3/contacts/batch/read}, {@code get-/x_/x}. */
    private static final Pattern PATH_ONLY_ID =
            Pattern.compile("^(get|put|post|patch|delete|head|options)-(/[^_]*)(_/.*)?$");
    /** Batch actions HubSpot applies idempotently: a repeat after a lost response does no harm. */
    private static final Set<String> RETRY_SAFE_BATCH = Set.of("update", "read", "upsert", "archive");

    private static final String BATCH = "batch";

    private HubSpotOperations() {}

    /**
     * Whether path segments end in a batch endpoint, {@code …/batch/{action}}: the one test of a batch path.
     *
     * @param segments path segments in order; path parameters such as {@code {objectType}} may be among them
     */
    public static boolean isBatch(List<String> segments) {
        int n = segments.size();
        return n >= 2 && segments.get(n - 2).equals(BATCH) && !isParameter(segments.get(n - 1));
    }

    /** Whether a path segment is a parameter such as {@code {noteId}}. */
    public static boolean isParameter(String segment) {
        return segment.contains("{");
    }

    /**
     * The literal segments of a path: {@code /crm/v3/objects/{objectType}/search} → {@code [crm, v3, objects,
     * search]}.
     */
    public static List<String> literalSegments(String path) {
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !isParameter(segment)) {
                out.add(segment);
            }
        }
        return out;
    }

    /**
     * Whether repeating a call after a lost response does no harm: the idempotent HTTP methods, searches, and the batch
     * actions HubSpot applies idempotently (read, update, upsert, archive).
     *
     * @param httpMethod upper case, such as {@code POST}
     */
    public static boolean retrySafe(String httpMethod, String path) {
        switch (httpMethod) {
            case "GET", "PUT", "DELETE", "HEAD", "OPTIONS":
                return true;
            case "POST":
                List<String> segments = literalSegments(path);
                String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
                return last.equals("search") || (isBatch(segments) && RETRY_SAFE_BATCH.contains(last));
            default:
                return false;
        }
    }

    /** Whether an operation id only repeats verb and path, so that it names nothing the path does not. */
    public static boolean idRepeatsPath(String operationId) {
        return PATH_ONLY_ID.matcher(operationId).matches();
    }

    /**
     * The action an operation id of HubSpot's {@code verb-/path_action} form names, as words: {@code batch update} for
     * {@code post-/crm/v3/objects/notes/batch/update_update}, {@code getById} for {@code get-/x/{id}_getById}; null
     * for ids of other forms.
     */
    public static String actionWords(String operationId) {
        Matcher m = ACTION_ID.matcher(operationId);
        if (!m.matches()) {
            return null;
        }
        String action = m.group(3);
        boolean batch = isBatch(literalSegments(m.group(2)))
                && !action.toLowerCase(Locale.ROOT).startsWith(BATCH);
        return batch ? BATCH + " " + action : action;
    }
}
