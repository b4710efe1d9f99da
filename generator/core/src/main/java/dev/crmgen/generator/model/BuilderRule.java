package dev.crmgen.generator.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Which records get a builder: those a request can carry (as its body, a form, a parameter or anywhere inside one)
 * that have at least one optional component. Those are the records a user assembles, often from a few of many
 * optional components; a record only ever received is read through its accessors (a test that fakes one calls its
 * canonical constructor), and a record whose components are all required is clearer with its constructor.
 */
public final class BuilderRule {
    private final ApiModel model;
    /** The Java names of the types a request can carry. */
    private final Set<String> sent = new HashSet<>();

    private BuilderRule(ApiModel model) {
        this.model = model;
    }

    /** The rule applied to {@code model}'s operations. */
    public static BuilderRule of(ApiModel model) {
        BuilderRule rule = new BuilderRule(model);
        Deque<TypeRef> pending = new ArrayDeque<>();
        for (Operation op : model.operations()) {
            for (Parameter p : op.parameters()) {
                pending.add(p.type());
            }
            if (op.body() != null && op.body().type() != null) {
                pending.add(op.body().type());
            }
            if (op.body() != null) {
                for (RequestBody.Part part : op.body().parts()) {
                    if (part.type() != null) {
                        pending.add(part.type());
                    }
                }
            }
        }
        while (!pending.isEmpty()) {
            rule.visit(pending.pop(), pending);
        }
        return rule;
    }

    private void visit(TypeRef type, Deque<TypeRef> pending) {
        if (type instanceof TypeRef.ListRef list) {
            pending.add(list.element());
        } else if (type instanceof TypeRef.MapRef map) {
            pending.add(map.value());
        } else if (type instanceof TypeRef.NamedRef named && sent.add(named.javaName())) {
            TypeDecl decl = model.type(named.javaName());
            if (decl instanceof TypeDecl.RecordDecl record) {
                for (Field f : record.fields()) {
                    pending.add(f.type());
                }
            } else if (decl instanceof TypeDecl.OneOfDecl oneOf) {
                for (TypeDecl.OneOfMember m : oneOf.members()) {
                    pending.add(new TypeRef.NamedRef(m.javaName()));
                }
            }
        }
    }

    /** Whether {@code record} gets a builder. */
    public boolean hasBuilder(TypeDecl.RecordDecl record) {
        return record.hasOptionalFields() && sent.contains(record.javaName());
    }
}
