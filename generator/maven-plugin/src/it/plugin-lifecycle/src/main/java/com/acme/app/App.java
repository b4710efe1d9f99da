package com.acme.app;

import com.acme.notes.BatchInputNote;
import com.acme.notes.NoteInput;
import com.acme.notes.NotesClient;
import java.util.List;
import java.util.Map;

/** Consumer code: compiles only if the generated records and client are on the compile source path. */
public final class App {
    private App() {}

    public static BatchInputNote request() {
        return new BatchInputNote(List.of(new NoteInput("512", Map.of("hs_note_body", "Called back."))));
    }

    public static Class<?> client() {
        return NotesClient.class;
    }
}
