package dev.crmgen.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens an invoker has used so every text it produces (messages, logs, raw bodies) can be
 * scrubbed of them, even when a server echoes one back.
 */
final class Secrets {
    static final String MASK = "[REDACTED]";

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    void remember(String token) {
        if (token != null && !token.isEmpty()) {
            tokens.add(token);
        }
    }

    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String t : tokens) {
            if (out.contains(t)) {
                out = out.replace(t, MASK);
            }
        }
        return out;
    }
}
