package dev.crmgen.benchmarks.json;

import java.util.List;

/** Maps the shared payload to the hand-written baseline's records. */
public final class HandWrittenSide {

    private HandWrittenSide() {}

    public static List<HandWritten.Input> request(List<Payloads.NoteUpdate> updates) {
        return updates.stream()
                .map(u -> new HandWritten.Input(u.id(), u.idProperty(), u.traceId(), u.properties()))
                .toList();
    }
}
