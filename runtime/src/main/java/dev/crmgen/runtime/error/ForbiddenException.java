package dev.crmgen.runtime.error;

import java.util.List;

/** 403 Forbidden; when the app lacks scopes, {@link #missingScopes()} names them. */
public class ForbiddenException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link ApiException#ApiException(String, int, String, HubSpotError, String, Throwable)}. */
    public ForbiddenException(
            String message, int status, String correlationId, HubSpotError error, String rawBody, Throwable cause) {
        super(message, status, correlationId, error, rawBody, cause);
    }

    /** The scopes HubSpot reported missing, in any shape it sends them ({@link HubSpotError#missingScopes()}). */
    public List<String> missingScopes() {
        return error().map(HubSpotError::missingScopes).orElse(List.of());
    }
}
