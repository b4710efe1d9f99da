package dev.crmgen.runtime.json;

/** The checks of generated records' compact constructors. */
public final class RecordComponents {
    private RecordComponents() {}

    /**
     * Rejects a null required component, as {@link java.util.Objects#requireNonNull(Object, String)} does, except in
     * a record built by a {@link Json#decodeTolerant tolerant decode}: there a required value the response lacked or
     * sent unreadable is null, and a {@link JsonDeviation} names it.
     *
     * @param name the component's name, for the exception's message
     * @throws NullPointerException when {@code value} is null outside a tolerant decode
     */
    public static void requireNonNull(Object value, String name) {
        if (value == null && TolerantDecode.current() == null) {
            throw new NullPointerException(name);
        }
    }
}
