package dev.crmgen.generator.diagnostic;

/** The stable diagnostic tags of the generator and both front doors; tests and users search for them. */
public final class Tags {
    public static final String SPEC_NOT_FOUND = "CrmgenSpecNotFound";
    public static final String SPEC_ENCODING = "CrmgenSpecEncoding";
    public static final String SPEC_SYNTAX = "CrmgenSpecSyntax";
    public static final String SPEC_INVALID = "CrmgenSpecInvalid";
    public static final String SPEC_WARNING = "CrmgenSpecWarning";
    public static final String UNRESOLVED_REF = "CrmgenUnresolvedRef";
    public static final String UNSUPPORTED = "CrmgenUnsupported";
    public static final String DEGRADED = "CrmgenDegraded";
    public static final String INVALID_SCHEMA = "CrmgenInvalidSchema";
    public static final String NAME_COLLISION = "CrmgenNameCollision";
    public static final String INVALID_PACKAGE = "CrmgenInvalidPackage";
    public static final String INVALID_CLIENT_NAME = "CrmgenInvalidClientName";
    public static final String MISSING_PATH_PARAM = "CrmgenMissingPathParam";
    public static final String NO_SUCCESS_RESPONSE = "CrmgenNoSuccessResponse";
    public static final String INTERNAL_ERROR = "CrmgenInternalError";
    /** A front door could not write a generated file. */
    public static final String WRITE_FAILED = "CrmgenWriteFailed";

    private Tags() {}
}
