package dev.crmgen.runtime.json;

import java.io.IOException;

/**
 * JSON that does not fit the expected Java type. The message names the JSON path (such as
 * {@code $.results[3].createdAt}) and what was expected there.
 */
public class JsonDecodingException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path the JSON path of the offending value, {@code $} for the document root
     * @param message what was expected and what was found
     */
    public JsonDecodingException(String path, String message) {
        this(path, message, null);
    }

    /**
     * @param path the JSON path of the offending value, {@code $} for the document root
     * @param message what was expected and what was found
     * @param cause the underlying parse failure, or null
     */
    public JsonDecodingException(String path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** The JSON path of the offending value, for example {@code $.results[3].createdAt}. */
    public String path() {
        return path;
    }
}
