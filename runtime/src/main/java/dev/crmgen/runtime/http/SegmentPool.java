package dev.crmgen.runtime.http;

/**
 * Fixed-size byte segments that request bodies are written into and that return here once nothing reads them, so
 * that a request allocates no body-sized arrays. Keeps at most {@code capacity} free segments; a segment given back
 * to a full pool is left to the garbage collector. Thread-safe; a segment handed out is never in the pool.
 */
final class SegmentPool {
    /** Segment size: a 100-input batch update (about 16 KB) takes two or three. */
    static final int SEGMENT_BYTES = 8 * 1024;

    /** The pool request bodies use: at most 1 MiB of free segments, enough for a few dozen calls in flight. */
    static final SegmentPool SHARED = new SegmentPool(SEGMENT_BYTES, 128);

    private final int segmentBytes;
    private final byte[][] free;
    private int freeCount;
    private long created;
    private long borrowed;
    private long returned;

    SegmentPool(int segmentBytes, int capacity) {
        if (segmentBytes <= 0 || capacity < 0) {
            throw new IllegalArgumentException("segmentBytes " + segmentBytes + ", capacity " + capacity);
        }
        this.segmentBytes = segmentBytes;
        this.free = new byte[capacity][];
    }

    int segmentBytes() {
        return segmentBytes;
    }

    /** A segment for this caller alone until it is given back. */
    synchronized byte[] borrow() {
        borrowed++;
        if (freeCount > 0) {
            byte[] segment = free[--freeCount];
            free[freeCount] = null;
            return segment;
        }
        created++;
        return new byte[segmentBytes];
    }

    /** Takes back the first {@code count} of {@code segments}, which the caller no longer reads or writes. */
    synchronized void giveBack(byte[][] segments, int count) {
        for (int i = 0; i < count; i++) {
            returned++;
            if (freeCount < free.length) {
                free[freeCount++] = segments[i];
            }
            segments[i] = null;
        }
    }

    /** Segments handed out and not given back yet. */
    synchronized long outstanding() {
        return borrowed - returned;
    }

    /** Segments this pool allocated, rather than reused, so far. */
    synchronized long created() {
        return created;
    }

    /** Free segments held now. */
    synchronized int free() {
        return freeCount;
    }
}
