package dev.crmgen.runtime.http;

import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Flow;

/** HubSpot batch-update bodies for notes, as the main job sends them, and a client-like reader of bodies. */
final class NotesBodies {
    private NotesBodies() {}

    /**
     * A {@code POST /crm/v3/objects/notes/batch/update} body of {@code inputs} updates (100 is about 16 KB); every
     * tenth addresses its note by a unique property with a trace id, and note text carries multi-byte characters,
     * so that some fall across segment boundaries.
     */
    static JsonValue batchUpdate(int inputs, String tag) {
        List<Object> list = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            boolean byProperty = i % 10 == 9;
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", byProperty ? "ext-2024-" + (1000 + i) : String.valueOf(51200000 + i));
            if (byProperty) {
                input.put("idProperty", "my_unique_property_name");
                input.put("objectWriteTraceId", "sync-run-7-item-" + i);
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("hs_note_body", "Called back about renewal " + i + " (" + tag + "); Zoë confirmed ✓");
            properties.put("hs_timestamp", "2024-05-02T09:" + (i % 60 < 10 ? "0" : "") + i % 60 + ":00.000Z");
            input.put("properties", properties);
            list.add(input);
        }
        return JsonValue.of(Map.of("inputs", list));
    }

    /** The bytes {@link Json#encode} gives for the body: what the runtime sent before bodies were pooled. */
    static byte[] encoded(JsonValue body) {
        return Json.encode(JsonCodecs.JSON_VALUE, body);
    }

    /** The segments of a pooled body, by identity. */
    static Set<byte[]> segments(RequestBody body) {
        Set<byte[]> segments = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < body.segmentCount(); i++) {
            segments.add(body.segment(i));
        }
        return segments;
    }

    /**
     * Reads a publisher the way {@code java.net.http} does: one buffer at a time, each copied out before the next
     * is asked for. Our publishers signal in the caller's thread, so the read is over when this returns.
     */
    static Reader read(Flow.Publisher<ByteBuffer> publisher) {
        Reader reader = new Reader(Long.MAX_VALUE);
        publisher.subscribe(reader);
        return reader;
    }

    /** A subscriber that asks for one buffer at a time, up to {@code limit} buffers unless told otherwise. */
    static final class Reader implements Flow.Subscriber<ByteBuffer> {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<ByteBuffer> buffers = new ArrayList<>();
        private final long limit;
        Flow.Subscription subscription;
        boolean completed;
        Throwable error;

        Reader(long limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (limit > 0) {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(ByteBuffer item) {
            buffers.add(item);
            byte[] chunk = new byte[item.remaining()];
            item.duplicate().get(chunk);
            bytes.writeBytes(chunk);
            if (buffers.size() < limit) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
