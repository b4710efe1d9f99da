package dev.crmgen.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory note store. Reads are lock-free; every write (and each batch's validate-then-apply step, which
 * callers run inside {@code synchronized (store)}) holds the store's monitor, so a batch is applied atomically and
 * the unique-value index stays consistent.
 */
final class NoteStore {
    static final String OBJECT_ID = "hs_object_id";
    static final String CREATE_DATE = "hs_createdate";
    static final String LAST_MODIFIED = "hs_lastmodifieddate";
    private static final DateTimeFormatter HUBSPOT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, NoteProperty> schema;
    private final Clock clock;
    private final Map<String, Note> notes = new ConcurrentHashMap<>();
    /** property name → value → note id, for unique properties. */
    private final Map<String, Map<String, String>> uniqueIndex = new HashMap<>();

    private long nextId;

    NoteStore(Map<String, NoteProperty> schema, Clock clock, long firstId) {
        this.schema = Map.copyOf(schema);
        this.clock = clock;
        this.nextId = firstId;
        for (NoteProperty p : schema.values()) {
            if (p.unique()) {
                uniqueIndex.put(p.name(), new HashMap<>());
            }
        }
    }

    static String format(Instant instant) {
        return HUBSPOT_TIME.format(instant);
    }

    Map<String, NoteProperty> schema() {
        return schema;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Note get(String id) {
        return notes.get(id);
    }

    int size() {
        return notes.size();
    }

    /** Every note, archived ones included, in no particular order. */
    Collection<Note> all() {
        return notes.values();
    }

    /** The id of the live note whose unique property {@code property} has {@code value}, or null. */
    synchronized String findByUnique(String property, String value) {
        Map<String, String> index = uniqueIndex.get(property);
        String id = index == null ? null : index.get(value);
        return id != null && !notes.get(id).archived() ? id : null;
    }

    /** The id of the note holding unique {@code value} for {@code property} (live or archived), or null. */
    synchronized String uniqueOwner(String property, String value) {
        Map<String, String> index = uniqueIndex.get(property);
        return index == null ? null : index.get(value);
    }

    /** Creates {@code count} notes with sequential ids and returns the ids in order. */
    synchronized List<String> seed(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        List<String> ids = new ArrayList<>(count);
        // One timestamp for the whole seed: formatting dominates the cost of creating a note.
        Instant now = now();
        String stamp = format(now);
        List<String> uniques = schema.values().stream()
                .filter(p -> p.unique() && !p.readOnly())
                .map(NoteProperty::name)
                .toList();
        for (int i = 0; i < count; i++) {
            String id = Long.toString(nextId++);
            Map<String, String> props = new LinkedHashMap<>();
            if (schema.containsKey("hs_note_body")) {
                props.put("hs_note_body", "Seeded note " + id);
            }
            if (schema.containsKey("hs_timestamp")) {
                props.put("hs_timestamp", stamp);
            }
            for (String unique : uniques) {
                props.put(unique, unique + "-" + id);
            }
            ids.add(insert(id, props, now, stamp).id());
        }
        return ids;
    }

    /** Creates a note with the next id; properties must already be validated. */
    synchronized Note create(Map<String, String> properties) {
        String id = Long.toString(nextId++);
        Instant now = now();
        return insert(id, properties, now, format(now));
    }

    /** Inserts or replaces a note under a caller-chosen id (test setup); property names must be defined. */
    synchronized Note put(String id, Map<String, String> properties) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a note needs an id");
        }
        for (String name : properties.keySet()) {
            NoteProperty p = schema.get(name);
            if (p == null) {
                throw new IllegalArgumentException(
                        "property '" + name + "' is not defined; define it with Builder.property(...)");
            }
            if (p.readOnly()) {
                throw new IllegalArgumentException("property '" + name + "' is read-only and is set by the sandbox");
            }
        }
        Note old = notes.get(id);
        if (old != null) {
            unindex(old);
        }
        try {
            nextId = Math.max(nextId, Long.parseLong(id) + 1);
        } catch (NumberFormatException e) {
            // Non-numeric ids are allowed for tests; they simply don't move the id sequence.
        }
        Instant now = now();
        return insert(id, properties, now, format(now));
    }

    private Note insert(String id, Map<String, String> properties, Instant now, String stamp) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CREATE_DATE, stamp);
        props.put(LAST_MODIFIED, stamp);
        props.put(OBJECT_ID, id);
        properties.forEach((k, v) -> {
            if (!v.isEmpty()) {
                props.put(k, v);
            }
        });
        Note note = new Note(id, props, now, now, false);
        for (Map.Entry<String, Map<String, String>> e : uniqueIndex.entrySet()) {
            String value = props.get(e.getKey());
            if (value != null) {
                String owner = e.getValue().get(value);
                if (owner != null && !owner.equals(id)) {
                    throw new IllegalArgumentException("unique property '" + e.getKey() + "' value '" + value
                            + "' is already used by note " + owner);
                }
                e.getValue().put(value, id);
            }
        }
        notes.put(id, note);
        return note;
    }

    /** Writes validated properties onto a live note; an empty value clears the property, as in HubSpot. */
    synchronized Note update(String id, Map<String, String> changes) {
        Note old = notes.get(id);
        Instant now = now();
        Map<String, String> props = new LinkedHashMap<>(old.properties());
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String name = change.getKey();
            Map<String, String> index = uniqueIndex.get(name);
            String previous = change.getValue().isEmpty() ? props.remove(name) : props.put(name, change.getValue());
            if (index != null) {
                if (previous != null) {
                    index.remove(previous, id);
                }
                if (!change.getValue().isEmpty()) {
                    index.put(change.getValue(), id);
                }
            }
        }
        props.put(LAST_MODIFIED, format(now));
        Note note = new Note(id, props, old.createdAt(), now, false);
        notes.put(id, note);
        return note;
    }

    /** Archives live notes; unknown or already archived ids are ignored, as HubSpot's batch archive does. */
    synchronized int archive(List<String> ids) {
        int archived = 0;
        for (String id : ids) {
            Note old = notes.get(id);
            if (old != null && !old.archived()) {
                notes.put(id, new Note(id, old.properties(), old.createdAt(), now(), true));
                archived++;
            }
        }
        return archived;
    }

    private void unindex(Note note) {
        for (Map.Entry<String, Map<String, String>> e : uniqueIndex.entrySet()) {
            String value = note.properties().get(e.getKey());
            if (value != null) {
                e.getValue().remove(value, note.id());
            }
        }
    }
}
