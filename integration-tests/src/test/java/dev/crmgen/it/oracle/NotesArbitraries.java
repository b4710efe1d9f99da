package dev.crmgen.it.oracle;

import dev.crmgen.it.fragment.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObject;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObjectStatus;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObjectWithErrors;
import dev.crmgen.it.fragment.ErrorDetail;
import dev.crmgen.it.fragment.ErrorModel;
import dev.crmgen.it.fragment.PublicObjectWarning;
import dev.crmgen.it.fragment.SimplePublicObject;
import dev.crmgen.it.fragment.SimplePublicObjectBatchInput;
import dev.crmgen.it.fragment.StandardError;
import dev.crmgen.it.fragment.ValueWithTimestamp;
import dev.crmgen.runtime.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random values of the fragment's schemas, valid against the spec (required members present, enum values
 * from the spec's list). Optional members are absent about a third of the time.
 */
final class NotesArbitraries {
    /** The status values the spec lists; values outside the list are covered by an example in the oracle test (see ORACLE.md). */
    static final List<String> STATUSES = List.of("CANCELED", "COMPLETE", "PENDING", "PROCESSING");

    private NotesArbitraries() {}

    /** Any text a JSON string can carry: controls, quotes, backslashes, BMP letters and supplementary characters. */
    static Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings()
                .withCharRange('\u0000', '\ud7ff')
                .withCharRange('\ue000', '\ufffd')
                .withChars('"', '\\', '/', '\n', '\t', '\u2028')
                .ofMaxLength(12);
        Arbitrary<String> supplementary = Arbitraries.integers()
                .between(0x10000, 0x10FFFF)
                .map(Character::toString)
                .list()
                .ofMaxSize(3)
                .map(l -> String.join("", l));
        return Arbitraries.frequencyOf(Tuple.of(6, bmp), Tuple.of(1, supplementary), Tuple.of(1, Arbitraries.just("")));
    }

    static <T> Arbitrary<T> optional(Arbitrary<T> a) {
        return a.injectNull(0.33);
    }

    /**
     * RFC 3339 date-times at any offset from -18:00 to +18:00 in quarter hours, with second, milli, micro or nano
     * precision, from 1900 to 2199.
     */
    static Arbitrary<OffsetDateTime> dateTimes() {
        Arbitrary<Long> seconds = Arbitraries.longs()
                .between(
                        Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2199-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        Arbitrary<ZoneOffset> offsets = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(ZoneOffset.UTC)),
                Tuple.of(2, Arbitraries.integers().between(-72, 72).map(q -> ZoneOffset.ofTotalSeconds(q * 900))));
        return Combinators.combine(seconds, nanos, offsets)
                .as((s, n, o) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n), o));
    }

    static Arbitrary<Map<String, String>> stringMaps() {
        return Arbitraries.maps(text(), text()).ofMaxSize(4);
    }

    /**
     * CRM property values: HubSpot sends {@code null} for a requested property without a value, although the spec
     * types the values as plain strings.
     */
    static Arbitrary<Map<String, String>> propertyMaps() {
        return Arbitraries.maps(text(), text().injectNull(0.1)).ofMaxSize(4);
    }

    static Arbitrary<Map<String, List<String>>> contexts() {
        return Arbitraries.maps(text(), text().list().ofMaxSize(3)).ofMaxSize(3);
    }

    static Arbitrary<BatchInputSimplePublicObjectBatchInput> requests() {
        Arbitrary<SimplePublicObjectBatchInput> input = Combinators.combine(
                        text(), optional(text()), optional(text()), propertyMaps())
                .as(SimplePublicObjectBatchInput::new);
        return input.list().ofMaxSize(4).map(BatchInputSimplePublicObjectBatchInput::new);
    }

    static Arbitrary<ValueWithTimestamp> valuesWithTimestamp() {
        return Combinators.combine(
                        optional(text()),
                        optional(text()),
                        text(),
                        dateTimes(),
                        optional(Arbitraries.integers()),
                        text())
                .as(ValueWithTimestamp::new);
    }

    static Arbitrary<PublicObjectWarning> warnings() {
        return Combinators.combine(text(), stringMaps(), text()).as(PublicObjectWarning::new);
    }

    static Arbitrary<SimplePublicObject> objects() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        optional(dateTimes()),
                        dateTimes(),
                        text(),
                        optional(text()),
                        propertyMaps(),
                        optional(Arbitraries.maps(
                                        text(), valuesWithTimestamp().list().ofMaxSize(2))
                                .ofMaxSize(2)),
                        dateTimes())
                .flatAs((archived, archivedAt, createdAt, id, traceId, properties, history, updatedAt) ->
                        Combinators.combine(
                                        optional(text()),
                                        optional(warnings().list().ofMaxSize(2)))
                                .as((url, warnings) -> new SimplePublicObject(
                                        archived,
                                        archivedAt,
                                        createdAt,
                                        id,
                                        traceId,
                                        properties,
                                        history,
                                        updatedAt,
                                        url,
                                        warnings)));
    }

    static Arbitrary<BatchResponseSimplePublicObject> okResponses() {
        return Combinators.combine(
                        dateTimes(),
                        optional(stringMaps()),
                        optional(dateTimes()),
                        objects().list().ofMaxSize(3),
                        dateTimes(),
                        Arbitraries.of(STATUSES).map(BatchResponseSimplePublicObjectStatus::of))
                .as(BatchResponseSimplePublicObject::new);
    }

    static Arbitrary<ErrorDetail> errorDetails() {
        return Combinators.combine(optional(text()), optional(contexts()), optional(text()), text(), optional(text()))
                .as(ErrorDetail::new);
    }

    static Arbitrary<StandardError> standardErrors() {
        return Combinators.combine(
                        text(),
                        contexts(),
                        errorDetails().list().ofMaxSize(2),
                        optional(text()),
                        stringMaps(),
                        text(),
                        text(),
                        optional(freeFormObjects()))
                .as(StandardError::new);
    }

    static Arbitrary<BatchResponseSimplePublicObjectWithErrors> multiStatusResponses() {
        return Combinators.combine(
                        dateTimes(),
                        optional(standardErrors().list().ofMaxSize(2)),
                        optional(stringMaps()),
                        optional(Arbitraries.integers()),
                        optional(dateTimes()),
                        objects().list().ofMaxSize(2),
                        dateTimes(),
                        Arbitraries.of(STATUSES).map(BatchResponseSimplePublicObjectStatus::of))
                .as(BatchResponseSimplePublicObjectWithErrors::new);
    }

    static Arbitrary<ErrorModel> errors() {
        return Combinators.combine(
                        text(),
                        optional(contexts()),
                        Arbitraries.create(UUID::randomUUID),
                        optional(errorDetails().list().ofMaxSize(2)),
                        optional(stringMaps()),
                        text(),
                        optional(text()))
                .as(ErrorModel::new);
    }

    /**
     * A JSON object ({@code StandardError.subCategory} is {@code type: object}) with nested values of every kind.
     * Numbers are those a double holds exactly as written, since OpenAPI Generator reads untyped numbers as
     * double (see ORACLE.md); integers of any long size are kept.
     */
    static Arbitrary<JsonValue> freeFormObjects() {
        return Arbitraries.maps(text(), freeFormValues(2)).ofMaxSize(3).map(m ->
                (JsonValue) new JsonValue.JsonObject(m));
    }

    private static Arbitrary<JsonValue> freeFormValues(int depth) {
        Arbitrary<JsonValue> scalars = Arbitraries.oneOf(
                text().map(JsonValue.JsonString::new),
                Arbitraries.of(true, false).map(JsonValue.JsonBoolean::new),
                Arbitraries.just(JsonValue.NULL),
                Arbitraries.longs().map(l -> new JsonValue.JsonNumber(BigDecimal.valueOf(l))),
                Arbitraries.doubles()
                        .filter(Double::isFinite)
                        .map(d -> new JsonValue.JsonNumber(new BigDecimal(Double.toString(d)))));
        if (depth == 0) {
            return scalars;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalars),
                Tuple.of(1, freeFormValues(depth - 1).list().ofMaxSize(3).map(l ->
                        (JsonValue) new JsonValue.JsonArray(l))),
                Tuple.of(
                        1,
                        Arbitraries.maps(text(), freeFormValues(depth - 1))
                                .ofMaxSize(3)
                                .map(m -> (JsonValue) new JsonValue.JsonObject(m))));
    }
}
