package dev.crmgen.examples.notes;

import java.util.HashMap;
import java.util.Map;

/**
 * The first line of each id seen, for duplicate detection over millions of rows: numeric ids (HubSpot's object ids)
 * in an open-addressing table of primitives (16 bytes per slot, at most half full), any other id in a map.
 */
final class IdLines {
    private long[] keys = new long[1 << 10];
    private long[] lines = new long[1 << 10];
    private int size;
    private final Map<String, Long> others = new HashMap<>();

    /** Records {@code line} for {@code id} unless it was seen; returns the earlier line, or 0 (lines start at 1). */
    long putIfAbsent(String id, long line) {
        long key = numeric(id);
        if (key < 0) {
            Long earlier = others.putIfAbsent(id, line);
            return earlier == null ? 0 : earlier;
        }
        // Key 0 marks an empty slot, so keys are stored plus one.
        long stored = key + 1;
        int mask = keys.length - 1;
        for (int i = slot(stored, mask); ; i = (i + 1) & mask) {
            if (keys[i] == stored) {
                return lines[i];
            }
            if (keys[i] == 0) {
                keys[i] = stored;
                lines[i] = line;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return 0;
            }
        }
    }

    /** The id as a non-negative long when it is a plain decimal number below 2^62 without leading zeros, else -1. */
    private static long numeric(String id) {
        int n = id.length();
        if (n == 0 || n > 18 || (n > 1 && id.charAt(0) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                lines[i] = oldLines[j];
            }
        }
    }
}
