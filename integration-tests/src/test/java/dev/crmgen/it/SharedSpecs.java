package dev.crmgen.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** HubSpot's published specs beside the repository, found through the {@code crmgen.shared} system property. */
public final class SharedSpecs {
    /** The class the Maven plugin generates from notes-v3.json when the spec is present. */
    public static final String NOTES_V3_CLIENT = "dev.crmgen.it.notes.NotesClient";

    private SharedSpecs() {}

    /** {@code <crmgen.shared>/specs/hubspot/notes/notes-v3.json}, or null when the property is not set. */
    public static Path notesV3() {
        String shared = System.getProperty("crmgen.shared");
        return shared == null || shared.isBlank()
                ? null
                : Path.of(shared, "specs", "hubspot", "notes", "notes-v3.json");
    }

    /** Whether HubSpot's whole notes spec is available to this build. */
    public static boolean notesV3Present() {
        Path spec = notesV3();
        return spec != null && Files.isRegularFile(spec);
    }

    /** Whether the plugin-generated notes-v3 client was compiled into this build. */
    public static boolean notesV3ClientCompiled() {
        try {
            Class.forName(NOTES_V3_CLIENT, false, SharedSpecs.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
