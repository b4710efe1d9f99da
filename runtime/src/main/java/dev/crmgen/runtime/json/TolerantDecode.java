package dev.crmgen.runtime.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The deviations of the tolerant decode running on this thread, if any. One object per thread, reused, so that a
 * decode that meets no deviation allocates nothing here; the list is created on the first deviation.
 */
final class TolerantDecode {
    private static final ThreadLocal<TolerantDecode> PER_THREAD = ThreadLocal.withInitial(TolerantDecode::new);

    private boolean active;
    private List<JsonDeviation> deviations;

    private TolerantDecode() {}

    /** This thread's state; {@link #active()} says whether a tolerant decode is running. */
    static TolerantDecode onThisThread() {
        return PER_THREAD.get();
    }

    /** The running tolerant decode, or null when this thread decodes strictly. */
    static TolerantDecode current() {
        TolerantDecode d = PER_THREAD.get();
        return d.active ? d : null;
    }

    boolean active() {
        return active;
    }

    /** Starts collecting; returns false when a decode was already running (a codec decoding a nested document). */
    boolean begin() {
        if (active) {
            return false;
        }
        active = true;
        deviations = null;
        return true;
    }

    /** Stops collecting and hands over what was collected. */
    List<JsonDeviation> end() {
        List<JsonDeviation> collected = deviations == null ? List.of() : deviations;
        active = false;
        deviations = null;
        return collected;
    }

    void record(JsonDeviation deviation) {
        if (deviations == null) {
            deviations = new ArrayList<>(4);
        }
        deviations.add(deviation);
    }

    /** The deviation recorded last at exactly {@code path}, or null. */
    JsonDeviation recordedAt(String path) {
        if (deviations == null) {
            return null;
        }
        for (int i = deviations.size() - 1; i >= 0; i--) {
            if (deviations.get(i).path().equals(path)) {
                return deviations.get(i);
            }
        }
        return null;
    }
}
