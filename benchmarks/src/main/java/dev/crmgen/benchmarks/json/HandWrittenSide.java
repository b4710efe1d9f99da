package dev.crmgen.benchmarks.json;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;

/** Maps the shared payload to the hand-written baseline's records. */
public final class HandWrittenSide {

    private HandWrittenSide() {}

    /** A hand-written client's request body: encoded to an array, then sent with ofByteArray. */
    public static long send(List<HandWritten.Input> request, BodySink sink) throws IOException {
        return sink.send(HttpRequest.BodyPublishers.ofByteArray(HandWritten.encode(request)));
    }

    public static List<HandWritten.Input> request(List<Payloads.NoteUpdate> updates) {
        return updates.stream()
                .map(u -> new HandWritten.Input(u.id(), u.idProperty(), u.traceId(), u.properties()))
                .toList();
    }
}
