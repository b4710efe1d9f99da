package dev.crmgen.runtime.internal;

/** The runtime's one logger, named {@code dev.crmgen.runtime} whichever package logs, so one setting covers it all. */
public final class RuntimeLog {
    /** The {@code dev.crmgen.runtime} logger. */
    public static final System.Logger LOG = System.getLogger("dev.crmgen.runtime");

    private RuntimeLog() {}
}
