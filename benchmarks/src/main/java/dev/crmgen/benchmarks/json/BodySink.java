package dev.crmgen.benchmarks.json;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * Takes a request body from its {@link HttpRequest.BodyPublisher} the way {@code java.net.http}'s HTTP/1.1 writer
 * does: it subscribes, asks for one buffer at a time and copies each into a socket buffer it keeps (as NIO copies a
 * heap buffer into its cached direct buffer before the write). The sink is reused, so that each contender is charged
 * for its body and publisher only, not for the reader; the client's own per-exchange objects are the same for all.
 */
public final class BodySink implements Flow.Subscriber<ByteBuffer> {
    private final ByteBuffer socket = ByteBuffer.allocateDirect(16 * 1024);
    private Flow.Subscription subscription;
    private long received;
    private boolean complete;
    private Throwable failure;

    /**
     * Sends the publisher's body into the sink and returns its length.
     *
     * @throws IllegalStateException when the publisher fails, stops early or sends another length than it declared
     */
    public long send(HttpRequest.BodyPublisher publisher) {
        received = 0;
        complete = false;
        failure = null;
        publisher.subscribe(this);
        // The publishers measured here signal in the subscribing thread: the body is all read by now.
        if (failure != null || !complete || received != publisher.contentLength()) {
            throw new IllegalStateException("the body was not sent whole: " + received + " of "
                    + publisher.contentLength() + " bytes, " + (failure == null ? "no failure" : failure));
        }
        return received;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(ByteBuffer item) {
        while (item.hasRemaining()) {
            socket.clear();
            int n = Math.min(socket.remaining(), item.remaining());
            int limit = item.limit();
            item.limit(item.position() + n);
            socket.put(item);
            item.limit(limit);
            received += n;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
    }

    @Override
    public void onComplete() {
        complete = true;
    }
}
