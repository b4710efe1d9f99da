package dev.crmgen.it.oracle;

import dev.crmgen.it.fragment.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObject;
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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The same value as OpenAPI Generator's model: a field-by-field copy, so that each side's reading can be compared
 * with the other side's writing using that side's own {@code equals}.
 */
final class ToOracle {
    private ToOracle() {}

    static dev.crmgen.it.oracle.model.BatchInputSimplePublicObjectBatchInput request(
            BatchInputSimplePublicObjectBatchInput x) {
        return new dev.crmgen.it.oracle.model.BatchInputSimplePublicObjectBatchInput()
                .inputs(list(x.inputs(), ToOracle::input));
    }

    static dev.crmgen.it.oracle.model.SimplePublicObjectBatchInput input(SimplePublicObjectBatchInput x) {
        return new dev.crmgen.it.oracle.model.SimplePublicObjectBatchInput()
                .id(x.id())
                .idProperty(x.idProperty())
                .objectWriteTraceId(x.objectWriteTraceId())
                .properties(map(x.properties(), Function.identity()));
    }

    static dev.crmgen.it.oracle.model.BatchResponseSimplePublicObject ok(BatchResponseSimplePublicObject x) {
        return new dev.crmgen.it.oracle.model.BatchResponseSimplePublicObject()
                .completedAt(x.completedAt())
                .links(map(x.links(), Function.identity()))
                .requestedAt(x.requestedAt())
                .results(list(x.results(), ToOracle::object))
                .startedAt(x.startedAt())
                .status(
                        x.status() == null
                                ? null
                                : dev.crmgen.it.oracle.model.BatchResponseSimplePublicObject.StatusEnum.fromValue(
                                        x.status().value()));
    }

    static dev.crmgen.it.oracle.model.BatchResponseSimplePublicObjectWithErrors multiStatus(
            BatchResponseSimplePublicObjectWithErrors x) {
        return new dev.crmgen.it.oracle.model.BatchResponseSimplePublicObjectWithErrors()
                .completedAt(x.completedAt())
                .errors(list(x.errors(), ToOracle::standardError))
                .links(map(x.links(), Function.identity()))
                .numErrors(x.numErrors())
                .requestedAt(x.requestedAt())
                .results(list(x.results(), ToOracle::object))
                .startedAt(x.startedAt())
                .status(
                        x.status() == null
                                ? null
                                : dev.crmgen.it.oracle.model.BatchResponseSimplePublicObjectWithErrors.StatusEnum
                                        .fromValue(x.status().value()));
    }

    static dev.crmgen.it.oracle.model.SimplePublicObject object(SimplePublicObject x) {
        return new dev.crmgen.it.oracle.model.SimplePublicObject()
                .archived(x.archived())
                .archivedAt(x.archivedAt())
                .createdAt(x.createdAt())
                .id(x.id())
                .objectWriteTraceId(x.objectWriteTraceId())
                .properties(map(x.properties(), Function.identity()))
                .propertiesWithHistory(
                        map(x.propertiesWithHistory(), history -> list(history, ToOracle::valueWithTimestamp)))
                .updatedAt(x.updatedAt())
                .url(x.url())
                .warnings(list(x.warnings(), ToOracle::warning));
    }

    static dev.crmgen.it.oracle.model.ValueWithTimestamp valueWithTimestamp(ValueWithTimestamp x) {
        return new dev.crmgen.it.oracle.model.ValueWithTimestamp()
                .sourceId(x.sourceId())
                .sourceLabel(x.sourceLabel())
                .sourceType(x.sourceType())
                .timestamp(x.timestamp())
                .updatedByUserId(x.updatedByUserId())
                .value(x.value());
    }

    static dev.crmgen.it.oracle.model.PublicObjectWarning warning(PublicObjectWarning x) {
        return new dev.crmgen.it.oracle.model.PublicObjectWarning()
                .category(x.category())
                .context(map(x.context(), Function.identity()))
                .message(x.message());
    }

    static dev.crmgen.it.oracle.model.StandardError standardError(StandardError x) {
        return new dev.crmgen.it.oracle.model.StandardError()
                .category(x.category())
                .context(map(x.context(), ToOracle::strings))
                .errors(list(x.errors(), ToOracle::errorDetail))
                .id(x.id())
                .links(map(x.links(), Function.identity()))
                .message(x.message())
                .status(x.status())
                .subCategory(x.subCategory() == null ? null : plain(x.subCategory()));
    }

    static dev.crmgen.it.oracle.model.ErrorDetail errorDetail(ErrorDetail x) {
        return new dev.crmgen.it.oracle.model.ErrorDetail()
                .code(x.code())
                .context(map(x.context(), ToOracle::strings))
                .in(x.in())
                .message(x.message())
                .subCategory(x.subCategory());
    }

    static dev.crmgen.it.oracle.model.Error error(ErrorModel x) {
        return new dev.crmgen.it.oracle.model.Error()
                .category(x.category())
                .context(map(x.context(), ToOracle::strings))
                .correlationId(x.correlationId())
                .errors(list(x.errors(), ToOracle::errorDetail))
                .links(map(x.links(), Function.identity()))
                .message(x.message())
                .subCategory(x.subCategory());
    }

    /**
     * Free-form JSON as Jackson's untyped reading represents it (what OpenAPI Generator's {@code Object} holds):
     * integers as Integer, Long or BigInteger by size, other numbers as Double, objects as LinkedHashMap.
     */
    static Object plain(JsonValue value) {
        if (value instanceof JsonValue.JsonObject o) {
            Map<String, Object> out = new LinkedHashMap<>();
            o.members().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (value instanceof JsonValue.JsonArray a) {
            List<Object> out = new ArrayList<>();
            a.elements().forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof JsonValue.JsonString s) {
            return s.value();
        }
        if (value instanceof JsonValue.JsonBoolean b) {
            return b.value();
        }
        if (value instanceof JsonValue.JsonNumber n) {
            BigDecimal d = n.value();
            if (d.scale() <= 0 && !d.toString().contains("E")) {
                BigInteger i = d.toBigIntegerExact();
                if (i.bitLength() < 32) {
                    return i.intValue();
                }
                return i.bitLength() < 64 ? (Object) i.longValue() : i;
            }
            return d.doubleValue();
        }
        return null;
    }

    private static List<String> strings(List<String> values) {
        return values == null ? null : new ArrayList<>(values);
    }

    private static <A, B> List<B> list(List<A> values, Function<A, B> convert) {
        if (values == null) {
            return null;
        }
        List<B> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(convert.apply(v)));
        return out;
    }

    private static <A, B> Map<String, B> map(Map<String, A> values, Function<A, B> convert) {
        if (values == null) {
            return null;
        }
        Map<String, B> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, convert.apply(v)));
        return out;
    }
}
