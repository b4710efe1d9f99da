package dev.crmgen.generator.writer;

import dev.crmgen.generator.Fingerprint;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.Parameter;
import dev.crmgen.generator.model.RequestBody;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content key of each generated file: a {@link Fingerprint} of a canonical text of everything that shapes the file, so that
 * a file whose key is unchanged since it was last written need not be emitted again.
 *
 * <p>What a key covers is a superset of what its writer reads: the generator's version, the options, the model-wide
 * settings every file shares (package, spec name, whether anything is deprecated), the declaration the file is
 * written from and every declaration it reaches through its type uses, transitively. A record's key also covers the
 * oneOf interfaces it implements and whether it gets a builder; the client's covers the whole model. The canonical
 * text writes each string with its length and each list with its size, so two different models never share a text,
 * and it is built from the model's own order and sorted names only (no hash codes, no hash-map iteration), so a key
 * is the same in every JVM.
 */
final class ContentKeys {
    /** Changes whenever the canonical text changes shape, so that keys of one layout never match another's. */
    private static final String FORMAT = "crmgen content key 3";

    private final ApiModel model;
    private final String settings;
    /**
     * The fingerprint of each declaration's own canonical text, by Java name; looked up only, never iterated. A key covers
     * a declaration through this digest, so each declaration is hashed once however many keys cover it.
     */
    private final Map<String, String> declDigests = new HashMap<>();
    /**
     * As {@link #declDigests}, without the declarations' prose (descriptions, JSON pointers): the client names types
     * but never writes their documentation, so an edit of a schema's description leaves its key alone.
     */
    private final Map<String, String> declShapeDigests = new HashMap<>();

    ContentKeys(ApiModel model, String version, GeneratorOptions options, boolean deprecates) {
        this.model = model;
        this.settings = new Canonical()
                .text(FORMAT)
                .text(version)
                .text(options.packageName())
                .text(options.clientName())
                .flag(options.lenientRefs())
                .text(model.packageName())
                .text(model.specName())
                .flag(deprecates)
                .toString();
    }

    /** The key of a record's file, which also depends on the oneOf interfaces it implements and on its builder. */
    String ofRecord(TypeDecl.RecordDecl record, List<String> unions, boolean builder) {
        Canonical text = new Canonical()
                .text(settings)
                .text("record")
                .text(record.javaName())
                .flag(builder);
        Set<String> reached = model.typesReachedFrom(List.of(new TypeRef.NamedRef(record.javaName())));
        text.count(unions.size());
        unions.forEach(text::text);
        unions.forEach(union -> reached.addAll(model.typesReachedFrom(List.of(new TypeRef.NamedRef(union)))));
        return digest(withDecls(text, reached));
    }

    /** The key of the file of a oneOf interface, an enum or a response union. */
    String ofType(TypeDecl type) {
        Canonical text = new Canonical().text(settings).text("type").text(type.javaName());
        return digest(withDecls(text, model.typesReachedFrom(List.of(new TypeRef.NamedRef(type.javaName())))));
    }

    /** The key of an operation's parameter record, named {@code recordName} by the allocation over the model. */
    String ofParameterRecord(Operation op, String recordName) {
        Canonical text = new Canonical().text(settings).text("parameters").text(recordName);
        operation(text, op);
        return digest(withDecls(
                text,
                model.typesReachedFrom(
                        op.parameters().stream().map(Parameter::type).toList())));
    }

    /** The key of the client, which depends on everything in the model. */
    String ofClient() {
        Canonical text = new Canonical()
                .text(settings)
                .text("client")
                .text(model.clientName())
                .text(model.title())
                .text(model.description());
        text.count(model.types().size());
        for (TypeDecl type : model.types().values()) {
            text.text(declShapeDigest(type.javaName()));
        }
        text.count(model.operations().size());
        model.operations().forEach(op -> operation(text, op));
        return digest(text);
    }

    /** Appends the name and digest of every declaration in {@code names}, in their sorted order. */
    private Canonical withDecls(Canonical text, Set<String> names) {
        text.count(names.size());
        for (String name : names) {
            text.text(name).text(declDigest(name));
        }
        return text;
    }

    private String declDigest(String javaName) {
        return declDigests.computeIfAbsent(javaName, name -> digest(decl(new Canonical(), model.type(name), true)));
    }

    private String declShapeDigest(String javaName) {
        return declShapeDigests.computeIfAbsent(
                javaName, name -> digest(decl(new Canonical(), model.type(name), false)));
    }

    /** The canonical text of {@code type}; with {@code prose}, also its descriptions and JSON pointer. */
    private static Canonical decl(Canonical text, TypeDecl type, boolean prose) {
        if (type == null) {
            return text.text("absent");
        }
        text.text(type.javaName()).flag(type.deprecated()).flag(prose);
        if (prose) {
            text.text(type.pointer()).text(type.description());
        }
        if (type instanceof TypeDecl.RecordDecl record) {
            text.text("record").count(record.fields().size());
            for (Field f : record.fields()) {
                text.text(f.jsonName())
                        .text(f.javaName())
                        .ref(f.type())
                        .flag(f.required())
                        .flag(f.deprecated());
                if (prose) {
                    text.text(f.description());
                }
            }
        } else if (type instanceof TypeDecl.EnumDecl e) {
            text.text("enum")
                    .text(e.valueType().name())
                    .text(e.unknownConstant())
                    .count(e.constants().size());
            e.constants().forEach(c -> text.text(c.javaName()).text(c.value()));
        } else if (type instanceof TypeDecl.OneOfDecl oneOf) {
            text.text("oneOf").text(oneOf.discriminator()).count(oneOf.members().size());
            oneOf.members().forEach(m -> text.text(m.tag()).text(m.javaName()));
        } else if (type instanceof TypeDecl.ResponseUnionDecl union) {
            text.text("responses").count(union.variants().size());
            for (TypeDecl.Variant v : union.variants()) {
                text.count(v.status()).text(v.javaName()).ref(v.body());
                if (prose) {
                    text.text(v.description());
                }
            }
        } else {
            throw new IllegalStateException("a declaration kind without a canonical text: " + type.getClass());
        }
        return text;
    }

    private static void operation(Canonical text, Operation op) {
        text.text(op.operationId()).text(op.methodName()).text(op.httpMethod()).text(op.path());
        text.text(op.summary()).text(op.description()).flag(op.deprecated()).flag(op.retrySafe());
        text.text(op.pointer()).count(op.parameters().size());
        for (Parameter p : op.parameters()) {
            text.text(p.name())
                    .text(p.javaName())
                    .text(p.in().name())
                    .ref(p.type())
                    .flag(p.required());
            text.text(p.description()).flag(p.deprecated());
        }
        RequestBody body = op.body();
        if (body == null) {
            text.text("no body");
        } else {
            text.text("body")
                    .text(body.javaName())
                    .ref(body.type())
                    .text(body.mediaType())
                    .flag(body.required());
            text.text(body.description()).count(body.parts().size());
            for (RequestBody.Part part : body.parts()) {
                text.text(part.name()).text(part.javaName()).ref(part.type()).flag(part.required());
                text.text(part.description());
            }
        }
        Operation.Result result = op.result();
        if (result instanceof Operation.Result.Empty empty) {
            text.text("empty").numbers(empty.statuses());
        } else if (result instanceof Operation.Result.Single single) {
            text.text("single").ref(single.type()).numbers(single.statuses()).numbers(single.emptyStatuses());
        } else if (result instanceof Operation.Result.Union union) {
            text.text("union").text(union.unionName());
        } else {
            text.text("no result");
        }
        Operation.Batch batch = op.batch();
        if (batch == null) {
            text.text("no batch");
        } else {
            text.text("batch").text(batch.requestType()).text(batch.inputType()).text(batch.resultType());
        }
    }

    private static String digest(Canonical text) {
        return Fingerprint.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An unambiguous text: each string as its length, a colon and its characters (null as {@code ~}), each flag and
     * count as a marked number, so no two sequences of values write the same text.
     */
    private static final class Canonical {
        private final StringBuilder out = new StringBuilder(256);

        Canonical text(String value) {
            if (value == null) {
                out.append('~');
            } else {
                out.append(value.length()).append(':').append(value);
            }
            return this;
        }

        Canonical flag(boolean value) {
            out.append(value ? 'T' : 'F');
            return this;
        }

        Canonical count(int value) {
            out.append('#').append(value).append(';');
            return this;
        }

        Canonical numbers(List<Integer> values) {
            count(values.size());
            values.forEach(this::count);
            return this;
        }

        Canonical ref(TypeRef type) {
            if (type == null) {
                out.append('~');
            } else if (type instanceof TypeRef.ScalarRef scalar) {
                out.append('S');
                text(scalar.scalar().name());
            } else if (type instanceof TypeRef.ListRef list) {
                out.append('L');
                ref(list.element());
            } else if (type instanceof TypeRef.MapRef map) {
                out.append('M');
                ref(map.value());
            } else {
                out.append('N');
                text(((TypeRef.NamedRef) type).javaName());
            }
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
