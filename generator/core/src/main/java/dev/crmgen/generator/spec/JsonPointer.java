package dev.crmgen.generator.spec;

/** JSON pointer tokens (RFC 6901): the one place that escapes {@code ~} and {@code /} in names and reads them back. */
final class JsonPointer {
    private JsonPointer() {}

    /** {@code /crm/v3/notes} → {@code ~1crm~1v3~1notes}, for a pointer such as {@code #/paths/~1crm~1v3~1notes}. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The name a pointer token stands for; the inverse of {@link #escape}. */
    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
