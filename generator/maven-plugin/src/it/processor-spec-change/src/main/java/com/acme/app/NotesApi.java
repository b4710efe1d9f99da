package com.acme.app;

import com.acme.notes.NotesClient;
import dev.crmgen.runtime.GenerateClient;

/** The annotated type: the processor generates com.acme.notes from the spec when this class is compiled. */
@GenerateClient(spec = "src/main/openapi/notes.yaml", packageName = "com.acme.notes")
public final class NotesApi {
    private NotesApi() {}

    public static Class<?> client() {
        return NotesClient.class;
    }
}
