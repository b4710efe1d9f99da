package dev.crmgen.runtime.batch;

/**
 * What a streaming {@link BatchExecutor} run did; the outcomes themselves went to its {@link BatchListener}.
 *
 * @param inputs inputs taken from the iterator, each delivered to the listener exactly once
 * @param succeeded inputs with a final success
 * @param failed inputs with a final failure
 * @param unconfirmed inputs left unconfirmed
 * @param requests batch requests sent, resends included
 * @param stopped why the run stopped taking inputs before the iterator ended (deadline, interrupt, HubSpot's daily
 *                limit), or null when every input was taken
 */
public record BatchStreamSummary(
        long inputs, long succeeded, long failed, long unconfirmed, long requests, String stopped) {
    /** Whether the iterator was used up: every input it had was taken and reported. */
    public boolean exhausted() {
        return stopped == null;
    }
}
