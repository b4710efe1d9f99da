package dev.crmgen.runtime.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodyTest {
    private final SegmentPool pool = new SegmentPool(SegmentPool.SEGMENT_BYTES, 64);

    private RequestBody pooled(JsonValue value) throws IOException {
        return RequestBody.pooled(pool, out -> Json.encode(JsonCodecs.JSON_VALUE, value, out));
    }

    @ParameterizedTest(name = "{0} inputs")
    @ValueSource(ints = {1, 100, 2000})
    void aPooledBodyHoldsTheBytesJsonEncodeGives(int inputs) throws IOException {
        JsonValue value = NotesBodies.batchUpdate(inputs, "same");
        byte[] expected = NotesBodies.encoded(value);
        try (RequestBody body = pooled(value)) {
            assertEquals(expected.length, body.length());
            assertEquals(
                    (expected.length + SegmentPool.SEGMENT_BYTES - 1) / SegmentPool.SEGMENT_BYTES, body.segmentCount());
            assertArrayEquals(expected, body.toByteArray());
            assertEquals(expected.length, body.publisher().contentLength());
            NotesBodies.Reader reader = NotesBodies.read(body.publisher());
            assertTrue(reader.completed);
            assertNull(reader.error);
            assertEquals(body.segmentCount(), reader.buffers.size());
            assertArrayEquals(expected, reader.bytes.toByteArray());
        }
    }

    @Test
    void aHundredInputBatchUpdateSpansSeveralSegments() throws IOException {
        try (RequestBody body = pooled(NotesBodies.batchUpdate(100, "size"))) {
            assertTrue(body.length() > 15_000 && body.length() < 20_000, body.length() + " bytes");
            assertTrue(body.segmentCount() >= 2, body.segmentCount() + " segments");
        }
    }

    @Test
    void everySubscriptionReadsTheSameSegmentsAsReadOnlyViews() throws IOException {
        try (RequestBody body = pooled(NotesBodies.batchUpdate(100, "twice"))) {
            NotesBodies.Reader first = NotesBodies.read(body.publisher());
            NotesBodies.Reader second = NotesBodies.read(body.publisher());
            assertArrayEquals(first.bytes.toByteArray(), second.bytes.toByteArray());
            for (ByteBuffer buffer : first.buffers) {
                assertTrue(buffer.isReadOnly());
            }
        }
    }

    @Test
    void closingGivesTheSegmentsBackAndTheNextBodyReusesThem() throws IOException {
        RequestBody body = pooled(NotesBodies.batchUpdate(100, "first"));
        int segments = body.segmentCount();
        assertEquals(segments, pool.outstanding());
        NotesBodies.read(body.publisher());
        assertEquals(segments, pool.outstanding(), "a finished read alone does not give them back");
        body.close();
        assertTrue(body.returned());
        assertEquals(0, pool.outstanding());
        assertEquals(segments, pool.free());
        body.close();
        assertEquals(0, pool.outstanding(), "closing twice gives nothing back twice");

        long created = pool.created();
        try (RequestBody next = pooled(NotesBodies.batchUpdate(100, "second"))) {
            assertEquals(created, pool.created(), "the second body is written into the first one's segments");
            assertArrayEquals(NotesBodies.encoded(NotesBodies.batchUpdate(100, "second")), next.toByteArray());
        }
    }

    @Test
    void aSubscriptionStillReadingKeepsTheSegmentsUntilItIsCancelled() throws IOException {
        RequestBody body = pooled(NotesBodies.batchUpdate(100, "abort"));
        NotesBodies.Reader reader = new NotesBodies.Reader(1);
        body.publisher().subscribe(reader);
        assertEquals(1, reader.buffers.size());
        body.close();
        assertFalse(body.returned(), "the client may still read the segments");
        assertEquals(body.segmentCount(), pool.outstanding());
        reader.subscription.cancel();
        assertTrue(body.returned());
        assertEquals(0, pool.outstanding());
    }

    @Test
    void aSubscriptionStillReadingKeepsTheSegmentsUntilItTakesTheLastBuffer() throws IOException {
        RequestBody body = pooled(NotesBodies.batchUpdate(100, "late"));
        NotesBodies.Reader reader = new NotesBodies.Reader(0);
        body.publisher().subscribe(reader);
        body.close();
        assertFalse(body.returned());
        reader.subscription.request(Long.MAX_VALUE);
        assertTrue(reader.completed);
        assertArrayEquals(NotesBodies.encoded(NotesBodies.batchUpdate(100, "late")), reader.bytes.toByteArray());
        assertTrue(body.returned());
        assertEquals(0, pool.outstanding());
    }

    @Test
    void aClosedBodyRefusesNewReaders() throws IOException {
        RequestBody body = pooled(NotesBodies.batchUpdate(10, "closed"));
        body.close();
        NotesBodies.Reader reader = NotesBodies.read(body.publisher());
        assertInstanceOf(IllegalStateException.class, reader.error);
        assertTrue(reader.buffers.isEmpty());
        assertThrows(IllegalStateException.class, body::toByteArray);
    }

    @Test
    void aNonPositiveRequestFailsTheSubscriptionAndEndsItsHold() throws IOException {
        RequestBody body = pooled(NotesBodies.batchUpdate(10, "bad demand"));
        NotesBodies.Reader reader = new NotesBodies.Reader(0);
        body.publisher().subscribe(reader);
        reader.subscription.request(0);
        assertInstanceOf(IllegalArgumentException.class, reader.error);
        body.close();
        assertTrue(body.returned());
    }

    @Test
    void aWriterThatFailsGivesItsSegmentsBack() {
        IOException failure = assertThrows(
                IOException.class,
                () -> RequestBody.pooled(pool, out -> {
                    out.write(new byte[20_000]);
                    throw new IOException("codec failed");
                }));
        assertEquals("codec failed", failure.getMessage());
        assertEquals(0, pool.outstanding());
        assertEquals(3, pool.free());
    }

    @Test
    void aFullPoolLetsExtraSegmentsGo() throws IOException {
        SegmentPool small = new SegmentPool(1024, 1);
        RequestBody body = RequestBody.pooled(small, out -> out.write(new byte[3000]));
        assertEquals(3, body.segmentCount());
        body.close();
        assertEquals(0, small.outstanding());
        assertEquals(1, small.free());
    }

    @Test
    void anEmptyBodyPublishesNothing() throws IOException {
        try (RequestBody body = RequestBody.pooled(pool, out -> {})) {
            assertEquals(0, body.length());
            assertEquals(0, body.publisher().contentLength());
            assertArrayEquals(new byte[0], body.toByteArray());
        }
    }

    @Test
    void anArrayBodyStaysTheArrayAndStaysReadable() {
        byte[] bytes = "{\"inputs\":[]}".getBytes(StandardCharsets.UTF_8);
        RequestBody body = RequestBody.of(bytes);
        HttpTransport.Request request = new HttpTransport.Request(
                "POST", URI.create("http://localhost/x"), Map.of(), bytes, Duration.ofSeconds(1));
        assertSame(bytes, request.body(), "a transport reading body() gets the array itself, as before");
        body.close();
        assertArrayEquals(bytes, body.toByteArray());
        assertArrayEquals(bytes, NotesBodies.read(body.publisher()).bytes.toByteArray());
    }

    @Test
    void aRequestOnAPooledBodyHandsOutCopiesWhileItIsOpen() throws IOException {
        RequestBody body = pooled(NotesBodies.batchUpdate(100, "copy"));
        HttpTransport.Request request = new HttpTransport.Request(
                "POST", URI.create("http://localhost/x"), Map.of(), body, Duration.ofSeconds(1));
        assertArrayEquals(body.toByteArray(), request.body());
        assertEquals("POST http://localhost/x {} body=" + body.length() + " bytes", request.toString());
        body.close();
        assertThrows(IllegalStateException.class, request::body);
    }
}
