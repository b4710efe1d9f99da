package dev.crmgen.runtime.batch;

/**
 * A snapshot of a running batch, passed to {@link BatchOptions.Builder#progress}.
 *
 * @param total inputs in the run
 * @param succeeded inputs with a final success
 * @param failed inputs with a final failure
 * @param unconfirmed inputs finally left unconfirmed
 * @param requests batch requests completed so far (including resends)
 */
public record BatchProgress(int total, int succeeded, int failed, int unconfirmed, int requests) {
    /** Inputs with a final outcome. */
    public int completed() {
        return succeeded + failed + unconfirmed;
    }

    /** Whether every input has a final outcome. */
    public boolean done() {
        return completed() == total;
    }
}
