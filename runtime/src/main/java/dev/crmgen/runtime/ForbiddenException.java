package dev.crmgen.runtime;

import java.util.List;

/** 403 Forbidden; when the app lacks scopes, {@link #missingScopes()} names them. */
public class ForbiddenException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link ApiException#ApiException(String, int, String, HubSpotError, String, Throwable)}. */
    public ForbiddenException(String message, int status, String correlationId, HubSpotError error, String rawBody, Throwable cause) {
        super(message, status, correlationId, error, rawBody, cause);
    }

    /** The scopes HubSpot reported missing ({@code context.missingScopes}); empty when it named none. */
    public List<String> missingScopes() {
        return error().map(e -> e.context().getOrDefault("missingScopes", List.of())).orElse(List.of());
    }
}
