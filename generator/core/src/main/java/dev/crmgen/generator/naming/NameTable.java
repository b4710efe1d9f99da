package dev.crmgen.generator.naming;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out unique names in call order: the first asker gets the name, later ones a numeric suffix. Names are compared
 * case-insensitively when {@code caseInsensitive} is set, so generated files never clash on case-insensitive file systems.
 */
public final class NameTable {
    private final Set<String> taken = new HashSet<>();
    private final boolean caseInsensitive;

    public NameTable(boolean caseInsensitive) {
        this.caseInsensitive = caseInsensitive;
    }

    private String key(String name) {
        return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
    }

    public boolean isTaken(String name) {
        return taken.contains(key(name));
    }

    /** Reserves {@code name} without checking. */
    public void reserve(String name) {
        taken.add(key(name));
    }

    /** {@code name} if free, else {@code name2}, {@code name3}, …; the result is reserved. */
    public String allocate(String name) {
        String candidate = name;
        for (int i = 2; isTaken(candidate); i++) {
            boolean separate = name.endsWith("_")
                    || Character.isDigit(name.charAt(name.length() - 1))
                    || name.equals(name.toUpperCase(Locale.ROOT));
            candidate = name + (separate ? "_" : "") + i;
        }
        reserve(candidate);
        return candidate;
    }
}
