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
 * @param updatesApplied note updates written by batch update (one per updated input, including repeats)
 * @param notesCreated notes created by batch create
 * @param notesArchived notes archived by batch archive
 * @param notesRead notes returned by batch read and single-note reads
 */
public record SandboxStats(long requests, long unauthorized, long rateLimited, long rejected,
                           long serverErrorsInjected, long connectionsAborted, long responsesLost,
                           long updatesApplied, long notesCreated, long notesArchived, long notesRead) {
    /** All injected faults: 5xx answers, aborted connections and lost responses. */
    public long faultsInjected() {
        return serverErrorsInjected + connectionsAborted + responsesLost;
    }
}
