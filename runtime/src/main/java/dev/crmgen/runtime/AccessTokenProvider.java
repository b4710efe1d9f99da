package dev.crmgen.runtime;

import java.util.Objects;

/**
 * Supplies the bearer token for each request: a private-app token or an OAuth access token. Implementations
 * should cache the token; {@link #accessToken()} is called once per request attempt.
 */
@FunctionalInterface
public interface AccessTokenProvider {
    /** The token to send now. Never null or blank. */
    String accessToken();

    /**
     * Called once when the server answered 401 to {@code rejectedToken}: return a fresh token (for OAuth, after
     * using the refresh token). Returning the rejected token again means no refresh is possible and the 401 is
     * reported. The default returns {@link #accessToken()}.
     */
    default String refresh(String rejectedToken) {
        return accessToken();
    }

    /** A fixed token (a private-app token); its {@code toString()} never shows it. */
    static AccessTokenProvider of(String token) {
        return new StaticToken(token);
    }
}

/** A fixed token; a 401 is final because refreshing yields the same token. */
final class StaticToken implements AccessTokenProvider {
    private final String token;

    StaticToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the access token is blank");
        }
        this.token = token.strip();
    }

    @Override
    public String accessToken() {
        return token;
    }

    @Override
    public String toString() {
        return "StaticToken[redacted]";
    }
}
