package dev.crmgen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The runtime's version, from a resource filtered at build time. */
final class Version {
    static final String VALUE = load();

    private Version() {}

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: an unknown version must not stop the client
        }
        return "unknown";
    }
}
