package dev.crmgen.runtime.auth;

import java.util.Objects;

/** A fixed token; a 401 is final because refreshing yields the same token. */
public final class StaticToken implements AccessTokenProvider {
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
