package dev.crmgen.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One note in the sandbox's store, as HubSpot keeps it: an id, string-valued properties and timestamps.
 *
 * @param id HubSpot's object id (a decimal string)
 * @param properties property values, insertion-ordered and unmodifiable; includes the read-only
 *     {@code hs_object_id}, {@code hs_createdate} and {@code hs_lastmodifieddate}
 * @param createdAt when the note was created
 * @param updatedAt when the note was last written
 * @param archived whether the note was archived (archived notes are invisible to update and read)
 */
public record Note(String id, Map<String, String> properties, Instant createdAt, Instant updatedAt, boolean archived) {
    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties, "properties")));
    }

    /** A property's value, or null when unset. */
    public String property(String name) {
        return properties.get(name);
    }
}
