package dev.crmgen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An open enum written the way the generator writes one, over {@link OpenEnum}. */
class OpenEnumTest {
    static final class Status extends OpenEnum<String, Status.Known> {
        private static final OpenEnum.Values<String, Known, Status> LISTED =
                new OpenEnum.Values<>(JsonCodecs.STRING, Known.values(), Status::new);
        static final Status COMPLETE = LISTED.add("COMPLETE");
        static final Status PENDING = LISTED.add("pending");
        private static final JsonCodec<Status> CODEC = LISTED.codec();

        private Status(String value, Known known) {
            super(value, known, known != Known.UNKNOWN);
        }

        static Status of(String value) {
            return LISTED.of(value);
        }

        enum Known {
            COMPLETE,
            PENDING,
            UNKNOWN
        }
    }

    /** A second enum with a value in common, which must not equal the first one's. */
    static final class Level extends OpenEnum<Integer, Level.Known> {
        private Level(Integer value, Known known) {
            super(value, known, known != Known.UNKNOWN);
        }

        enum Known {
            ONE,
            UNKNOWN
        }
    }

    @Test
    void aListedValueIsItsConstantAndAnUnlistedOneKeepsItsRawValue() {
        assertSame(Status.COMPLETE, Status.of("COMPLETE"));
        assertEquals(Status.Known.COMPLETE, Status.COMPLETE.known());
        assertTrue(Status.COMPLETE.isKnown());

        Status archived = Status.of("ARCHIVED");
        assertEquals("ARCHIVED", archived.value());
        assertEquals(Status.Known.UNKNOWN, archived.known());
        assertFalse(archived.isKnown());
        assertEquals("ARCHIVED", archived.toString());
        assertThrows(NullPointerException.class, () -> Status.of(null));
    }

    @Test
    void equalRawValuesOfOneTypeAreEqualAndOtherTypesNever() {
        assertEquals(Status.of("ARCHIVED"), Status.of("ARCHIVED"));
        assertEquals(Status.of("ARCHIVED").hashCode(), Status.of("ARCHIVED").hashCode());
        assertNotEquals(Status.of("ARCHIVED"), Status.PENDING);
        Level one = new Level(1, Level.Known.ONE);
        assertEquals(new Level(1, Level.Known.ONE), one);
        assertNotEquals(one, Status.of("1"));
        assertNotEquals(Status.of("1"), one);
        assertFalse(one.equals(null));
    }

    @Test
    void theCodecReadsEveryValueAndWritesItBackUnchanged() throws Exception {
        assertSame(Status.PENDING, Json.decode(Status.CODEC, "\"pending\""));
        Status unlisted = Json.decode(Status.CODEC, "\"ON_HOLD\"");
        assertEquals("ON_HOLD", unlisted.value());
        assertEquals("\"ON_HOLD\"", new String(Json.encode(Status.CODEC, unlisted), StandardCharsets.UTF_8));
        assertEquals("\"COMPLETE\"", new String(Json.encode(Status.CODEC, Status.COMPLETE), StandardCharsets.UTF_8));
    }

    @Test
    void aValueOfAnotherJsonTypeIsAbsentWithItsDeviationInATolerantDecode() throws Exception {
        Decoded<List<Status>> decoded = Json.decodeTolerant(
                JsonCodecs.listAllowingNulls(Status.CODEC),
                "[\"COMPLETE\", {\"not\": \"a string\"}]".getBytes(StandardCharsets.UTF_8));
        assertEquals(Status.COMPLETE, decoded.value().get(0));
        assertNull(decoded.value().get(1));
        assertEquals(1, decoded.deviations().size());
        assertEquals("$[1]", decoded.deviations().get(0).path());
        assertThrows(JsonDecodingException.class, () -> Json.decode(Status.CODEC, "{\"not\": \"a string\"}"));
    }

    @Test
    void eachAddedValueTakesTheKnownConstantOfItsPosition() {
        assertEquals(Status.Known.COMPLETE, Status.COMPLETE.known());
        assertEquals(Status.Known.PENDING, Status.PENDING.known());
        assertEquals("pending", Status.PENDING.value());
        assertSame(Status.PENDING, Status.of("pending"));
        assertEquals(Status.Known.UNKNOWN, Status.of("PENDING").known(), "raw values match exactly");
    }

    @Test
    void valuesThatDoNotMatchTheKnownConstantsAreRejected() {
        OpenEnum.Values<Integer, Level.Known, Level> tooMany =
                new OpenEnum.Values<>(JsonCodecs.INT32, Level.Known.values(), Level::new);
        assertEquals(Level.Known.ONE, tooMany.add(1).known());
        assertThrows(IllegalStateException.class, () -> tooMany.add(2), "only UNKNOWN is left");

        OpenEnum.Values<Integer, Level.Known, Level> tooFew =
                new OpenEnum.Values<>(JsonCodecs.INT32, Level.Known.values(), Level::new);
        assertThrows(IllegalStateException.class, () -> tooFew.of(7), "ONE has no value");

        OpenEnum.Values<String, Status.Known, Status> twice =
                new OpenEnum.Values<>(JsonCodecs.STRING, Status.Known.values(), Status::new);
        twice.add("A");
        assertThrows(IllegalArgumentException.class, () -> twice.add("A"));
    }
}
