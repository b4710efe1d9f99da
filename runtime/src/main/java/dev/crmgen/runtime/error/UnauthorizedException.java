package dev.crmgen.runtime.error;

import dev.crmgen.runtime.auth.AccessTokenProvider;

/** 401 Unauthorized: the token is missing, invalid or expired (after one refresh attempt when a refreshing {@link AccessTokenProvider} is used). */
public class UnauthorizedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link ApiException#ApiException(String, int, String, HubSpotError, String, Throwable)}. */
    public UnauthorizedException(
            String message, int status, String correlationId, HubSpotError error, String rawBody, Throwable cause) {
        super(message, status, correlationId, error, rawBody, cause);
    }
}
