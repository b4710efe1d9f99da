package dev.crmgen.runtime.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of one request body: an array it wraps ({@link #of}), or segments lent by a pool that it was written
 * into ({@link #pooled}) and that {@link #publisher()} hands to {@code java.net.http} as they are, without a copy.
 *
 * <p>A pooled body is read-only and may be sent any number of times (a retry resends the same segments), by any
 * number of exchanges at once. Its segments go back to the pool when its owner has {@linkplain #close() closed} it
 * <em>and</em> every subscription to its publisher has ended (the client took the last buffer, or cancelled);
 * never before, so an exchange that is still pulling the body, say one aborted by a timeout, never reads another
 * request's bytes. A subscription the client neither finishes nor cancels keeps the segments from the pool: they
 * are then garbage, not reused. (Buffers the client took before it cancelled belong to a connection it is
 * closing.) Once the segments are back, the body can no longer be read: {@link #toByteArray()} and new
 * subscriptions fail.
 */
public final class RequestBody implements AutoCloseable {
    private static final AtomicIntegerFieldUpdater<RequestBody> HOLDERS =
            AtomicIntegerFieldUpdater.newUpdater(RequestBody.class, "holders");
    private static final AtomicIntegerFieldUpdater<RequestBody> CLOSED =
            AtomicIntegerFieldUpdater.newUpdater(RequestBody.class, "closed");

    /** Null when the body wraps an array it never gives back. */
    private final SegmentPool pool;

    private final byte[][] segments;
    private final int segmentCount;
    /** The size of every segment but the last, which holds the rest. */
    private final int segmentBytes;

    private final int length;
    /** The owner until {@link #close()}, plus one per subscription not ended yet; at zero the segments go back. */
    private volatile int holders = 1;

    private volatile int closed;
    private volatile boolean returned;

    private RequestBody(SegmentPool pool, byte[][] segments, int segmentCount, int segmentBytes, int length) {
        this.pool = pool;
        this.segments = segments;
        this.segmentCount = segmentCount;
        this.segmentBytes = segmentBytes;
        this.length = length;
    }

    /** Writes a body's bytes to the stream it is given; the stream is only valid during the call. */
    @FunctionalInterface
    public interface BodyWriter {
        /** Writes the whole body to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** A body of these bytes, not copied: do not modify them. */
    public static RequestBody of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new RequestBody(null, new byte[][] {bytes}, bytes.length == 0 ? 0 : 1, bytes.length, bytes.length);
    }

    /**
     * A body written by {@code writer} into segments of the runtime's shared pool; {@link #close()} it when the
     * exchanges that send it are over. When the writer throws, the segments go back at once and nothing is returned.
     *
     * @throws IOException what the writer throws
     */
    public static RequestBody pooled(BodyWriter writer) throws IOException {
        return pooled(SegmentPool.SHARED, writer);
    }

    static RequestBody pooled(SegmentPool pool, BodyWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        SegmentOutput out = new SegmentOutput(pool);
        boolean written = false;
        try {
            writer.writeTo(out);
            RequestBody body = out.finish();
            written = true;
            return body;
        } finally {
            if (!written) {
                out.discard();
            }
        }
    }

    /** The number of bytes. */
    public int length() {
        return length;
    }

    /**
     * A copy of the bytes.
     *
     * @throws IllegalStateException when the body was pooled and its segments went back to the pool
     */
    public byte[] toByteArray() {
        byte[] copy = new byte[length];
        for (int i = 0; i < segmentCount; i++) {
            byte[] segment = segments[i];
            if (segment == null || returned) {
                throw released();
            }
            System.arraycopy(segment, 0, copy, i * segmentBytes, segmentLength(i));
        }
        return copy;
    }

    /** The wrapped array itself, or a copy of a pooled body's bytes. */
    byte[] bytes() {
        return pool == null ? segments[0] : toByteArray();
    }

    /**
     * A publisher for {@code java.net.http} with the exact content length, which hands out read-only views of the
     * body's segments (no copy); each subscription publishes them all, in order, as far as the client asks.
     */
    public HttpRequest.BodyPublisher publisher() {
        return length == 0 ? HttpRequest.BodyPublishers.noBody() : new SegmentPublisher();
    }

    /**
     * Ends the owner's use: a pooled body's segments go back to the pool once no subscription reads them. Later
     * calls do nothing; a body that wraps an array stays readable.
     */
    @Override
    public void close() {
        if (CLOSED.compareAndSet(this, 0, 1)) {
            releaseHold();
        }
    }

    /** Whether a pooled body's segments went back to the pool. */
    boolean returned() {
        return returned;
    }

    /** The segment at {@code index}, for checking that bodies never share one. */
    byte[] segment(int index) {
        return segments[index];
    }

    int segmentCount() {
        return segmentCount;
    }

    private int segmentLength(int index) {
        return index < segmentCount - 1 ? segmentBytes : length - index * segmentBytes;
    }

    /** Counts a new reader in, unless the body is closed (or its segments are gone). */
    private boolean hold() {
        if (pool == null) {
            return true;
        }
        if (closed != 0) {
            return false;
        }
        int h;
        do {
            h = holders;
            if (h == 0) {
                return false;
            }
        } while (!HOLDERS.compareAndSet(this, h, h + 1));
        return true;
    }

    private void releaseHold() {
        if (pool != null && HOLDERS.decrementAndGet(this) == 0) {
            returned = true;
            pool.giveBack(segments, segmentCount);
        }
    }

    private static IllegalStateException released() {
        return new IllegalStateException("the request body was released when its call ended");
    }

    @Override
    public String toString() {
        return "RequestBody[" + length + " bytes]";
    }

    private final class SegmentPublisher implements HttpRequest.BodyPublisher {
        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            Objects.requireNonNull(subscriber, "subscriber");
            if (!hold()) {
                subscriber.onSubscribe(Refused.INSTANCE);
                subscriber.onError(released());
                return;
            }
            SegmentSubscription subscription = new SegmentSubscription(subscriber);
            try {
                subscriber.onSubscribe(subscription);
            } catch (RuntimeException | Error e) {
                subscription.cancel();
                throw e;
            }
        }
    }

    /**
     * One reader's pass over the segments. Signals run in one thread at a time (the {@code wip} counter), and only
     * that thread ends the subscription, so its hold is never dropped while it reads a segment.
     */
    private final class SegmentSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile long invalidRequest;
        private boolean ended;
        private int next;

        SegmentSubscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                invalidRequest = n == 0 ? -1 : n;
            } else {
                long d;
                do {
                    d = demand.get();
                } while (!demand.compareAndSet(d, d + n < 0 ? Long.MAX_VALUE : d + n));
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                try {
                    emit();
                } catch (RuntimeException | Error e) {
                    // A subscriber that throws has cancelled (Reactive Streams 2.13).
                    end();
                    throw e;
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void emit() {
            if (ended) {
                return;
            }
            if (cancelled) {
                end();
                return;
            }
            if (invalidRequest != 0) {
                end();
                subscriber.onError(new IllegalArgumentException(
                        "a subscriber must request a positive number of buffers, not " + Math.min(invalidRequest, 0)));
                return;
            }
            while (next < segmentCount && demand.get() > 0 && !cancelled) {
                ByteBuffer view =
                        ByteBuffer.wrap(segments[next], 0, segmentLength(next)).asReadOnlyBuffer();
                next++;
                demand.decrementAndGet();
                subscriber.onNext(view);
            }
            if (cancelled) {
                end();
            } else if (next == segmentCount) {
                end();
                subscriber.onComplete();
            }
        }

        private void end() {
            if (!ended) {
                ended = true;
                releaseHold();
            }
        }
    }

    /** The subscription of a refused subscriber, which is told {@code onError} at once. */
    private enum Refused implements Flow.Subscription {
        INSTANCE;

        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    }

    /** Writes into pool segments, borrowing one whenever the last is full. */
    private static final class SegmentOutput extends OutputStream {
        private final SegmentPool pool;
        private final int segmentBytes;
        private byte[][] segments = new byte[4][];
        private int count;
        private byte[] current;
        private int position;
        private boolean finished;

        SegmentOutput(SegmentPool pool) {
            this.pool = pool;
            this.segmentBytes = pool.segmentBytes();
        }

        @Override
        public void write(int b) throws IOException {
            if (current == null || position == segmentBytes) {
                nextSegment();
            }
            current[position++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            while (len > 0) {
                if (current == null || position == segmentBytes) {
                    nextSegment();
                }
                int n = Math.min(len, segmentBytes - position);
                System.arraycopy(b, off, current, position, n);
                position += n;
                off += n;
                len -= n;
            }
        }

        private void nextSegment() throws IOException {
            if (finished) {
                throw new IOException("the request body is already complete");
            }
            if ((long) (count + 1) * segmentBytes > Integer.MAX_VALUE) {
                throw new IOException("a request body may not exceed " + Integer.MAX_VALUE + " bytes");
            }
            if (count == segments.length) {
                segments = Arrays.copyOf(segments, count * 2);
            }
            current = pool.borrow();
            segments[count++] = current;
            position = 0;
        }

        RequestBody finish() {
            finished = true;
            int length = count == 0 ? 0 : (count - 1) * segmentBytes + position;
            return new RequestBody(pool, segments, count, segmentBytes, length);
        }

        void discard() {
            finished = true;
            pool.giveBack(segments, count);
            count = 0;
        }
    }
}
