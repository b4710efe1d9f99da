package dev.crmgen.it.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmgen.it.fragment.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObject;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObjectWithErrors;
import dev.crmgen.it.fragment.ErrorModel;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fragment in crmgen-spec claims HubSpot's schemas for the batch update: the codecs generated from it and
 * those generated from HubSpot's whole notes-v3.json must put the same bytes on the wire for the same values.
 */
class FragmentMatchesNotesV3Test {
    private static final int TRIES = 100;

    @Property(tries = TRIES)
    void batchInput(@ForAll("requests") BatchInputSimplePublicObjectBatchInput value) throws IOException {
        assertSameWire(
                Json.encode(BatchInputSimplePublicObjectBatchInput.jsonCodec(), value),
                dev.crmgen.it.notes.BatchInputSimplePublicObjectBatchInput.jsonCodec());
    }

    @Property(tries = TRIES)
    void okResponse(@ForAll("okResponses") BatchResponseSimplePublicObject value) throws IOException {
        assertSameWire(
                Json.encode(BatchResponseSimplePublicObject.jsonCodec(), value),
                dev.crmgen.it.notes.BatchResponseSimplePublicObject.jsonCodec());
    }

    @Property(tries = TRIES)
    void multiStatusResponse(@ForAll("multiStatusResponses") BatchResponseSimplePublicObjectWithErrors value)
            throws IOException {
        assertSameWire(
                Json.encode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), value),
                dev.crmgen.it.notes.BatchResponseSimplePublicObjectWithErrors.jsonCodec());
    }

    @Property(tries = TRIES)
    void error(@ForAll("errors") ErrorModel value) throws IOException {
        assertSameWire(Json.encode(ErrorModel.jsonCodec(), value), dev.crmgen.it.notes.ErrorModel.jsonCodec());
    }

    /** The notes-v3 codec reads what the fragment's wrote and writes it back byte for byte. */
    private static <T> void assertSameWire(byte[] fragmentJson, JsonCodec<T> notesV3) throws IOException {
        String expected = new String(fragmentJson, StandardCharsets.UTF_8);
        String actual = new String(Json.encode(notesV3, Json.decode(notesV3, fragmentJson)), StandardCharsets.UTF_8);
        assertEquals(expected, actual);
    }

    @Provide
    Arbitrary<BatchInputSimplePublicObjectBatchInput> requests() {
        return NotesArbitraries.requests();
    }

    @Provide
    Arbitrary<BatchResponseSimplePublicObject> okResponses() {
        return NotesArbitraries.okResponses();
    }

    @Provide
    Arbitrary<BatchResponseSimplePublicObjectWithErrors> multiStatusResponses() {
        return NotesArbitraries.multiStatusResponses();
    }

    @Provide
    Arbitrary<ErrorModel> errors() {
        return NotesArbitraries.errors();
    }
}
