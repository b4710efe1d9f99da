package dev.crmgen.benchmarks.harness;

/**
 * One measured figure: crmgen's value next to its peer's from the same run, and the ratio between them expressed
 * as crmgen's advantage (above 1 means crmgen is better, whichever direction "better" is for the unit).
 *
 * @param id            stable key, used for the chart and for advice on misses
 * @param section       report section
 * @param name          what was measured
 * @param crmgenLabel   what ran on crmgen's side
 * @param crmgen        crmgen's value
 * @param peerLabel     what it is compared with
 * @param peer          the peer's value
 * @param unit          unit of both values
 * @param lowerIsBetter true for times, bytes, lines, memory; false for throughput and rates
 * @param target        the target in words, or "" when the issue sets none
 * @param met           whether the target was met; null when there is no target
 * @param minAdvantage  the target as a minimum advantage, or NaN when it is not a ratio (or there is none)
 * @param note          error bars, counts or caveats that belong next to the figure
 */
record Figure(
        String id,
        String section,
        String name,
        String crmgenLabel,
        double crmgen,
        String peerLabel,
        double peer,
        String unit,
        boolean lowerIsBetter,
        String target,
        Boolean met,
        double minAdvantage,
        String note) {

    static Figure of(
            String id,
            String section,
            String name,
            String crmgenLabel,
            double crmgen,
            String peerLabel,
            double peer,
            String unit,
            boolean lowerIsBetter,
            String note) {
        return new Figure(
                id,
                section,
                name,
                crmgenLabel,
                crmgen,
                peerLabel,
                peer,
                unit,
                lowerIsBetter,
                "",
                null,
                Double.NaN,
                note);
    }

    /** The crmgen value is crmgen's advantage over the peer, which must reach {@code minAdvantage}. */
    Figure targetAdvantage(double minAdvantage, String words) {
        return new Figure(
                id,
                section,
                name,
                crmgenLabel,
                crmgen,
                peerLabel,
                peer,
                unit,
                lowerIsBetter,
                words,
                advantage() >= minAdvantage,
                minAdvantage,
                note);
    }

    /** A target on crmgen's own value (a budget such as "under 300 ms"). */
    Figure targetAbsolute(boolean reached, String words) {
        return new Figure(
                id,
                section,
                name,
                crmgenLabel,
                crmgen,
                peerLabel,
                peer,
                unit,
                lowerIsBetter,
                words,
                reached,
                Double.NaN,
                note);
    }

    double advantage() {
        if (crmgen == 0 || peer == 0) {
            if (crmgen == peer) {
                return 1;
            }
            boolean crmgenIsZero = crmgen == 0;
            return lowerIsBetter == crmgenIsZero ? Double.POSITIVE_INFINITY : 0;
        }
        return lowerIsBetter ? peer / crmgen : crmgen / peer;
    }
}
