package dev.crmgen.generator;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit fingerprint of some bytes, for telling whether generated files and their inputs changed: CRC-32 and
 * CRC-32C (two different polynomials, so a change both miss is one in about 2^64) and the length, as text.
 *
 * <p>Not SHA-256: the generator runs in a cold JVM (javac's or Maven's), where the JDK's checksums run as intrinsics
 * from the first byte while a message digest first sets up the security providers and then runs interpreted, which
 * cost tens of milliseconds per build. Nothing here guards against a deliberate collision, and nothing needs to: the
 * bytes are the user's own spec and the files generated from it.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** The fingerprint of {@code bytes}: 16 lower-case hex digits, a colon and the length. */
    public static String of(byte[] bytes) {
        CRC32 crc32 = new CRC32();
        crc32.update(bytes);
        CRC32C crc32c = new CRC32C();
        crc32c.update(bytes);
        long both = crc32.getValue() << 32 | crc32c.getValue();
        String hex = Long.toHexString(both);
        return "0".repeat(16 - hex.length()) + hex + ":" + bytes.length;
    }
}
