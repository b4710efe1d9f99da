package com.acme.app;

import com.acme.hubspot.notes.NotesClient;

/** Consumer code: compiles only if the client generated from the spec jar is on the compile source path. */
public final class App {
    private App() {}

    public static Class<?> client() {
        return NotesClient.class;
    }
}
