package dev.crmgen.runtime.auth;

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
