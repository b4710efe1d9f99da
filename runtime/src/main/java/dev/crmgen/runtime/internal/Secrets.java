package dev.crmgen.runtime.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens an invoker has used so every text it produces (messages, logs, raw bodies) can be
 * scrubbed of them, even when a server echoes one back.
 */
public final class Secrets {
    public static final String MASK = "[REDACTED]";

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    /**
     * Remembers {@code token} and the forms a server may echo it in: URL-encoded (form or query) and JSON-escaped
     * ({@code /} as {@code \/}), which differ from it for OAuth tokens holding {@code / + =}.
     */
    public void remember(String token) {
        if (token != null && !token.isEmpty()) {
            tokens.add(token);
            tokens.add(URLEncoder.encode(token, StandardCharsets.UTF_8));
            tokens.add(token.replace("/", "\\/"));
        }
    }

    public String scrub(String text) {
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
