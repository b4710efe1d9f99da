package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void combinesBothChecksumsAndTheLength() {
        byte[] bytes = "123456789".getBytes(StandardCharsets.US_ASCII);
        // The check values both standards publish for "123456789".
        assertEquals("cbf43926e3069283:9", Fingerprint.of(bytes));
        assertEquals("0000000000000000:0", Fingerprint.of(new byte[0]));
    }

    @Test
    void oneChangedBitOrByteChangesIt() {
        Random random = new Random(42);
        byte[] original = new byte[4096];
        random.nextBytes(original);
        String before = Fingerprint.of(original);
        for (int i = 0; i < 2000; i++) {
            byte[] changed = original.clone();
            int position = random.nextInt(changed.length);
            changed[position] ^= (byte) (1 << random.nextInt(8));
            assertNotEquals(before, Fingerprint.of(changed), "bit flipped at " + position);
        }
        byte[] appended = java.util.Arrays.copyOf(original, original.length + 1);
        assertNotEquals(before, Fingerprint.of(appended));
    }

    @Test
    void inputsOneChecksumCannotTellApartStillDiffer() {
        // Different inputs of one length whose CRC-32 collides: the second checksum must still tell them apart.
        Random random = new Random(7);
        java.util.Map<Long, byte[]> seen = new java.util.HashMap<>();
        int collisions = 0;
        for (int i = 0; i < 200_000 && collisions < 3; i++) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            byte[] earlier = seen.putIfAbsent(crc.getValue(), bytes);
            if (earlier != null && !java.util.Arrays.equals(earlier, bytes)) {
                collisions++;
                assertNotEquals(Fingerprint.of(earlier), Fingerprint.of(bytes));
            }
        }
        assertTrue(collisions > 0, "the sample holds CRC-32 collisions to check");
    }
}
