package dev.crmgen.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which records get a builder: those a request can carry (as its body, a form, a parameter or anywhere inside one)
 * that have at least one optional component. Those are the records a user assembles, often from a few of many
 * optional components; a record only ever received is read through its accessors (a test that fakes one calls its
 * canonical constructor), and a record whose components are all required is clearer with its constructor.
 */
public final class BuilderRule {
    /** The Java names of the types a request can carry. */
    private final Set<String> sent;

    private BuilderRule(Set<String> sent) {
        this.sent = sent;
    }

    /** The rule applied to {@code model}'s operations. */
    public static BuilderRule of(ApiModel model) {
        List<TypeRef> pending = new ArrayList<>();
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
        return new BuilderRule(model.typesReachedFrom(pending));
    }

    /** Whether {@code record} gets a builder. */
    public boolean hasBuilder(TypeDecl.RecordDecl record) {
        return record.hasOptionalFields() && sent.contains(record.javaName());
    }
}
