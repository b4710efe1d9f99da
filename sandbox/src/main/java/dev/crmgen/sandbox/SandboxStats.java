package dev.crmgen.sandbox;

/**
 * A snapshot of what the sandbox has done since it started, for assertions in tests.
 *
 * @param requests HTTP requests received (every status, including faults)
 * @param unauthorized requests answered 401
 * @param rateLimited requests answered 429
 * @param rejected other 4xx answers (validation errors, unknown paths)
 * @param serverErrorsInjected injected 5xx answers
 * @param connectionsAborted injected connection closes before processing
 * @param responsesLost injected connection closes after processing (the writes happened)
 * @param bodiesStalled injected stalls: half a body, then silence (the writes happened)
 * @param bodiesTrickled injected slow bodies (the writes happened)
 * @param rateLimitsInjected injected 429 answers (beyond those of the rate limit itself, counted in rateLimited)
 * @param partialFailures batch updates that refused one input on purpose and answered 207
 * @param updatesApplied note updates written by batch update (one per updated input, including repeats)
 * @param notesCreated notes created by batch create
 * @param notesArchived notes archived by batch archive
 * @param notesRead notes returned by batch read and single-note reads
 */
public record SandboxStats(
        long requests,
        long unauthorized,
        long rateLimited,
        long rejected,
        long serverErrorsInjected,
        long connectionsAborted,
        long responsesLost,
        long bodiesStalled,
        long bodiesTrickled,
        long rateLimitsInjected,
        long partialFailures,
        long updatesApplied,
        long notesCreated,
        long notesArchived,
        long notesRead) {
    /** All injected faults: 5xx and 429 answers, aborted connections, lost, stalled and trickled responses, 207s. */
    public long faultsInjected() {
        return serverErrorsInjected
                + connectionsAborted
                + responsesLost
                + bodiesStalled
                + bodiesTrickled
                + rateLimitsInjected
                + partialFailures;
    }
}
