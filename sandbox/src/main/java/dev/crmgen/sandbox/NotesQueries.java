package dev.crmgen.sandbox;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HubSpot's paged reads of notes: the list ({@code GET /crm/v3/objects/notes}, cursor {@code after}, at most 100 a
 * page) and the search ({@code POST /crm/v3/objects/notes/search}, {@code after} as a result offset, at most 200 a
 * page, {@code total}, and no page past the 10,000th result), with HubSpot's bodies and errors.
 */
final class NotesQueries {
    /** HubSpot's search pages through at most this many results of one query. */
    static final int SEARCH_CEILING = 10_000;

    static final int MAX_LIST_LIMIT = 100;
    static final int MAX_SEARCH_LIMIT = 200;
    private static final int DEFAULT_LIMIT = 10;
    private static final Set<String> OPERATORS =
            Set.of("EQ", "NEQ", "GT", "GTE", "LT", "LTE", "HAS_PROPERTY", "NOT_HAS_PROPERTY");

    private final NoteStore store;
    /** When set, the list names the cursor it was given as the next one: a server stuck on one page. */
    private final boolean repeatingListCursor;

    final AtomicLong listPages = new AtomicLong();
    final AtomicLong searchPages = new AtomicLong();
    final AtomicLong searchRateLimited = new AtomicLong();

    NotesQueries(NoteStore store, boolean repeatingListCursor) {
        this.store = store;
        this.repeatingListCursor = repeatingListCursor;
    }

    private record Filter(String property, String operator, String value) {}

    private record Sort(String property, boolean descending) {}

    // ---- list ---------------------------------------------------------------------------------------------------

    /** One page of the list: notes by ascending id from the one named by {@code after}. */
    Response list(Map<String, List<String>> query, String selfUrl, String correlationId) {
        int limit;
        try {
            limit = limit(first(query, "limit"), MAX_LIST_LIMIT, correlationId);
        } catch (NotesApi.Rejected e) {
            return e.response;
        }
        boolean archived = "true".equalsIgnoreCase(first(query, "archived"));
        String after = first(query, "after");
        List<Note> notes = new ArrayList<>();
        for (Note note : sortedById()) {
            if (note.archived() == archived && (after == null || compareIds(note.id(), after) >= 0)) {
                notes.add(note);
            }
        }
        List<Note> page = notes.subList(0, Math.min(limit, notes.size()));
        String next = repeatingListCursor && after != null
                ? after
                : notes.size() > limit ? notes.get(limit).id() : null;
        Set<String> shown = shown(query.getOrDefault("properties", List.of()));
        listPages.incrementAndGet();
        String link = next == null
                ? null
                : selfUrl + "?limit=" + limit + "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
                        + (archived ? "&archived=true" : "");
        return page(-1, page, shown, next, link);
    }

    // ---- search -------------------------------------------------------------------------------------------------

    /** One page of a search: the matches in the requested order from the offset {@code after}. */
    Response search(Object body, String correlationId) throws NotesApi.Rejected {
        if (!(body instanceof Map<?, ?> request)) {
            throw new NotesApi.Rejected(Response.validation(
                    "Invalid input JSON on line 1, column 1: Cannot construct "
                            + "instance of PublicObjectSearchRequest: expected a JSON object",
                    correlationId));
        }
        List<List<Filter>> groups = filterGroups(request.get("filterGroups"), correlationId);
        List<Sort> sorts = sorts(request.get("sorts"), correlationId);
        int limit = limit(text(request.get("limit")), MAX_SEARCH_LIMIT, correlationId);
        int offset = offset(text(request.get("after")), correlationId);
        List<Note> matches = new ArrayList<>();
        for (Note note : sortedById()) {
            if (!note.archived() && matches(note, groups)) {
                matches.add(note);
            }
        }
        matches.sort(order(sorts));
        int end = Math.min(Math.min(offset + limit, matches.size()), SEARCH_CEILING);
        List<Note> page = offset >= end ? List.of() : matches.subList(offset, end);
        String next = end < matches.size() ? Integer.toString(end) : null;
        List<String> requested = new ArrayList<>();
        if (request.get("properties") instanceof List<?> props) {
            props.forEach(p -> requested.add(String.valueOf(p)));
        }
        Set<String> shown = shown(requested);
        int total = matches.size();
        searchPages.incrementAndGet();
        return page(total, page, shown, next, null);
    }

    /** HubSpot's page: {@code total} (search only, else -1), {@code results}, {@code paging.next} unless last. */
    private static Response page(int total, List<Note> notes, Set<String> shown, String next, String link) {
        return Response.json(200, g -> {
            g.writeStartObject();
            if (total >= 0) {
                g.writeNumberField("total", total);
            }
            g.writeArrayFieldStart("results");
            for (Note note : notes) {
                NotesApi.writeNote(g, note, shown, null);
            }
            g.writeEndArray();
            if (next != null) {
                g.writeObjectFieldStart("paging");
                g.writeObjectFieldStart("next");
                g.writeStringField("after", next);
                if (link != null) {
                    g.writeStringField("link", link);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /** A result offset; HubSpot refuses any at or past the ceiling with a 400. */
    private static int offset(String after, String correlationId) throws NotesApi.Rejected {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        long offset;
        try {
            offset = Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw new NotesApi.Rejected(Response.validation(
                    "Invalid input JSON: after must be a numeric offset, got \"" + after + "\"", correlationId));
        }
        if (offset < 0 || offset >= SEARCH_CEILING) {
            throw new NotesApi.Rejected(Response.validation(
                    "Paging beyond " + SEARCH_CEILING + " results is not " + "supported: after=" + after
                            + ". Narrow the search with filters to page through fewer results.",
                    correlationId));
        }
        return (int) offset;
    }

    private static List<List<Filter>> filterGroups(Object value, String correlationId) throws NotesApi.Rejected {
        List<List<Filter>> groups = new ArrayList<>();
        if (value == null) {
            return groups;
        }
        if (!(value instanceof List<?> list)) {
            throw new NotesApi.Rejected(
                    Response.validation("Invalid input JSON: filterGroups must be an array", correlationId));
        }
        for (Object group : list) {
            List<Filter> filters = new ArrayList<>();
            Object raw = group instanceof Map<?, ?> g ? g.get("filters") : null;
            if (!(raw instanceof List<?> entries)) {
                throw new NotesApi.Rejected(Response.validation(
                        "Invalid input JSON: every filter group needs an array of filters", correlationId));
            }
            for (Object entry : entries) {
                if (!(entry instanceof Map<?, ?> f) || text(f.get("propertyName")) == null) {
                    throw new NotesApi.Rejected(Response.validation(
                            "Invalid input JSON: every filter needs a propertyName", correlationId));
                }
                String operator = String.valueOf(f.get("operator")).toUpperCase(Locale.ROOT);
                if (!OPERATORS.contains(operator)) {
                    throw new NotesApi.Rejected(Response.validation(
                            "Invalid input JSON: operator " + f.get("operator") + " is not one of "
                                    + new TreeSet<>(OPERATORS),
                            correlationId));
                }
                filters.add(new Filter(text(f.get("propertyName")), operator, text(f.get("value"))));
            }
            groups.add(filters);
        }
        return groups;
    }

    /** Sorts as HubSpot takes them: {@code "prop"}, {@code "-prop"}, or {@code {propertyName, direction}}. */
    private static List<Sort> sorts(Object value, String correlationId) throws NotesApi.Rejected {
        List<Sort> sorts = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object s : list) {
                if (s instanceof String name) {
                    boolean descending = name.startsWith("-");
                    sorts.add(new Sort(descending ? name.substring(1) : name, descending));
                } else if (s instanceof Map<?, ?> m && text(m.get("propertyName")) != null) {
                    sorts.add(new Sort(text(m.get("propertyName")), "DESCENDING".equals(text(m.get("direction")))));
                } else {
                    throw new NotesApi.Rejected(Response.validation(
                            "Invalid input JSON: a sort is a property name "
                                    + "or an object with propertyName and direction",
                            correlationId));
                }
            }
        } else if (value != null) {
            throw new NotesApi.Rejected(
                    Response.validation("Invalid input JSON: sorts must be an array", correlationId));
        }
        return sorts;
    }

    /** Filter groups are ORed, the filters of a group ANDed; no groups match every note. */
    private boolean matches(Note note, List<List<Filter>> groups) {
        if (groups.isEmpty()) {
            return true;
        }
        for (List<Filter> group : groups) {
            if (group.stream().allMatch(f -> matches(note, f))) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(Note note, Filter f) {
        String actual = note.property(f.property());
        switch (f.operator()) {
            case "HAS_PROPERTY":
                return actual != null;
            case "NOT_HAS_PROPERTY":
                return actual == null;
            case "NEQ":
                return actual == null || f.value() == null || compare(f.property(), actual, f.value()) != 0;
            default:
                break;
        }
        if (actual == null || f.value() == null) {
            return false;
        }
        int c = compare(f.property(), actual, f.value());
        switch (f.operator()) {
            case "EQ":
                return c == 0;
            case "GT":
                return c > 0;
            case "GTE":
                return c >= 0;
            case "LT":
                return c < 0;
            default:
                return c <= 0;
        }
    }

    private Comparator<Note> order(List<Sort> sorts) {
        Comparator<Note> byId = (a, b) -> compareIds(a.id(), b.id());
        Comparator<Note> order = null;
        for (Sort s : sorts) {
            Comparator<Note> one = (a, b) -> {
                String x = a.property(s.property());
                String y = b.property(s.property());
                if (x == null || y == null) {
                    // Notes without the property come last, whichever the direction.
                    return x == null ? (y == null ? 0 : 1) : -1;
                }
                int c = compare(s.property(), x, y);
                return s.descending() ? -c : c;
            };
            order = order == null ? one : order.thenComparing(one);
        }
        return order == null ? byId : order.thenComparing(byId);
    }

    /** Compares two values of a property by its type: numbers and dates by value, anything else as text. */
    private int compare(String property, String a, String b) {
        NoteProperty p = store.schema().get(property);
        NoteProperty.Type type = p == null ? NoteProperty.Type.STRING : p.type();
        if (type == NoteProperty.Type.DATETIME) {
            Long x = epochMillis(a);
            Long y = epochMillis(b);
            if (x != null && y != null) {
                return Long.compare(x, y);
            }
        } else if (type == NoteProperty.Type.NUMBER) {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            if (x != null && y != null) {
                return x.compareTo(y);
            }
        }
        return a.compareTo(b);
    }

    /** Epoch milliseconds or an ISO date or date-time, as HubSpot accepts datetime values. */
    private static Long epochMillis(String value) {
        BigDecimal millis = number(value);
        if (millis != null) {
            return millis.longValue();
        }
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
            } catch (DateTimeParseException notDate) {
                try {
                    return Instant.parse(value).toEpochMilli();
                } catch (DateTimeParseException notInstant) {
                    return null;
                }
            }
        }
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    private List<Note> sortedById() {
        List<Note> notes = new ArrayList<>(store.all());
        notes.sort((a, b) -> compareIds(a.id(), b.id()));
        return notes;
    }

    /** Numeric ids by value (as HubSpot's are), others after them as text. */
    private static int compareIds(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return x != null ? -1 : y != null ? 1 : a.compareTo(b);
    }

    private static int limit(String value, int max, String correlationId) throws NotesApi.Rejected {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        BigDecimal limit = number(value);
        if (limit == null
                || limit.signum() <= 0
                || limit.compareTo(BigDecimal.valueOf(max)) > 0
                || limit.stripTrailingZeros().scale() > 0) {
            throw new NotesApi.Rejected(Response.validation(
                    "limit must be a whole number from 1 to " + max + ", got " + value, correlationId));
        }
        return limit.intValue();
    }

    private static Set<String> shown(Collection<String> requested) {
        Set<String> shown = new LinkedHashSet<>(NotesApi.DEFAULT_READ_PROPERTIES);
        shown.addAll(requested);
        return shown;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A JSON scalar as text (numbers without exponent), or null. */
    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal n ? n.toPlainString() : value.toString();
    }
}
