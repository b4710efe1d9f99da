package dev.crmgen.runtime.batch;

import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.RateLimitException;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.error.TransportException;

/**
 * What a request that failed as a whole means for its inputs ({@link BatchExecutor}'s documentation, "Whole-request
 * failures and rounds").
 *
 * @param kind whether the inputs were not applied, were rejected, or may have been applied
 * @param resend for {@link Kind#MAYBE_APPLIED}: whether a later round may send them again
 * @param reason for {@link Kind#MAYBE_APPLIED}: why they end unconfirmed, in words
 */
record RequestFailure(Kind kind, Resend resend, String reason) {
    /** The three ways a whole request can fail. */
    enum Kind {
        /** Certainly applied nothing (a 429, or never sent): always sent again; after the last round, failed. */
        NOT_APPLIED,
        /** Rejected by the server (a 4xx, the daily limit included): every input fails with the exception. */
        REJECTED,
        /** May have been applied: unconfirmed, sent again only as {@link #resend} allows. */
        MAYBE_APPLIED
    }

    /** Whether inputs that may have been applied are sent again in a later round. */
    enum Resend {
        NEVER,
        /** Only when the operation is retry-safe and rounds remain. */
        IF_SAFE
    }

    static RequestFailure of(RuntimeException e) {
        if (e instanceof TransportException te && !te.requestSent()) {
            return new RequestFailure(Kind.NOT_APPLIED, Resend.NEVER, null);
        } else if (!(e instanceof DailyLimitException)
                && (e instanceof RateLimitException || (e instanceof ApiException ae && ae.status() == 429))) {
            return new RequestFailure(Kind.NOT_APPLIED, Resend.NEVER, null);
        } else if (e instanceof TransportException te && te.isResponseTooLarge()) {
            // Sent again, the same inputs would draw an answer as long.
            return maybeApplied(Resend.NEVER, "the server's answer was longer than the client reads");
        } else if (e instanceof TransportException) {
            return maybeApplied(Resend.IF_SAFE, "the request failed after it may have reached the server");
        } else if (e instanceof ResponseDecodingException) {
            // The server may have applied any of them; an idempotent call resolves that by sending again.
            return maybeApplied(Resend.IF_SAFE, "the server answered but the response could not be read");
        } else if (e instanceof ApiException ae && ae.status() >= 500) {
            return maybeApplied(Resend.IF_SAFE, "server error " + ae.status());
        } else if (e instanceof ApiException) {
            return new RequestFailure(Kind.REJECTED, Resend.NEVER, null);
        }
        return maybeApplied(Resend.NEVER, "the batch call threw " + e.getClass().getName());
    }

    private static RequestFailure maybeApplied(Resend resend, String reason) {
        return new RequestFailure(Kind.MAYBE_APPLIED, resend, reason);
    }
}
