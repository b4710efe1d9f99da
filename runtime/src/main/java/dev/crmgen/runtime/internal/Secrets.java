package dev.crmgen.runtime.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens an invoker has used so every text it produces (messages, logs, raw bodies) can be
 * scrubbed of them, even when a server echoes one back. A {@linkplain #child() child} holds the tokens of one call
 * made with a token of its own, so an application acting for many portals does not keep every token it ever used.
 */
public final class Secrets {
    public static final String MASK = "[REDACTED]";

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    /** Whose tokens are scrubbed as well; null for an invoker's own. */
    private final Secrets parent;

    /** An invoker's secrets. */
    public Secrets() {
        this(null);
    }

    private Secrets(Secrets parent) {
        this.parent = parent;
    }

    /** Secrets of one call: scrubs this one's tokens and those remembered in the child, which go with it. */
    public Secrets child() {
        return new Secrets(this);
    }

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

    /** {@code text} with every remembered token (and its echoed forms) replaced by {@link #MASK}. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = parent == null ? text : parent.scrub(text);
        for (String t : tokens) {
            if (out.contains(t)) {
                out = out.replace(t, MASK);
            }
        }
        return out;
    }
}
