package dev.crmgen.runtime.batch;

/** Small operations on {@link BatchReport.Outcome}s that the run and the matcher share. */
final class BatchOutcomes {
    private BatchOutcomes() {}

    @SuppressWarnings("unchecked")
    static <I, R> BatchReport.Outcome<I, R>[] newArray(int n) {
        // No generic array creation in Java; every element stored is an Outcome<I, R>.
        return (BatchReport.Outcome<I, R>[]) new BatchReport.Outcome<?, ?>[n];
    }

    /** The same outcome at its position in the whole stream. */
    static <I, R> BatchReport.Outcome<I, R> reindexed(BatchReport.Outcome<I, R> o, int index) {
        if (o instanceof BatchReport.Succeeded<I, R> s) {
            return new BatchReport.Succeeded<>(index, s.input(), s.result());
        } else if (o instanceof BatchReport.Failed<I, R> f) {
            return new BatchReport.Failed<>(index, f.input(), f.error(), f.exception());
        }
        BatchReport.Unconfirmed<I, R> u = (BatchReport.Unconfirmed<I, R>) o;
        return new BatchReport.Unconfirmed<>(index, u.input(), u.reason(), u.cause(), u.sent());
    }
}
