package dev.crmgen.runtime.batch;

import java.util.List;

/**
 * Receives final outcomes while a streaming {@link BatchExecutor} run goes on.
 *
 * <p><b>Calls.</b> One call at a time, never concurrently, on whichever of the run's threads settled them (the
 * caller's or a helper's), while the run holds its lock: a call sees every earlier call's effects, and other requests
 * wait to be accounted until it returns, so keep it short (append to a file, a database transaction). Each input is
 * delivered exactly once. Inputs that share an id are delivered in input order. A call carries the outcomes one
 * request settled, or those the run settled without a request (the end of a window, a deadline); an
 * implementation may treat one call as one unit of work, e.g. one transaction.
 *
 * <p><b>Failures.</b> A listener that throws stops the run: no request starts afterwards, outcomes settled later are
 * not delivered, and {@code execute} rethrows the first exception once the requests in flight are accounted for.
 *
 * @param <I> the input type
 * @param <R> the result type
 */
@FunctionalInterface
public interface BatchListener<I, R> {
    /**
     * Takes outcomes that just became final.
     *
     * @param outcomes at least one; {@link BatchReport.Outcome#index()} counts inputs from 0 over the whole stream
     */
    void settled(List<BatchReport.Outcome<I, R>> outcomes);
}
