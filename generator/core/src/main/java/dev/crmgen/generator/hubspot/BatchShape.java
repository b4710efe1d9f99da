package dev.crmgen.generator.hubspot;

import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.RequestBody;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HubSpot's batch shape: a request record {@code {inputs: [I]}} with {@code inputs} required, and every success body a
 * record with {@code results: [R]} of one record type {@code R}.
 */
public final class BatchShape {
    private BatchShape() {}

    /**
     * The batch an operation's body and result describe, or null when they are not of the batch shape.
     *
     * @param types the types declared so far, by Java name
     */
    public static Operation.Batch of(RequestBody body, Operation.Result result, Map<String, TypeDecl> types) {
        if (body == null
                || !(body.type() instanceof TypeRef.NamedRef request)
                || !(types.get(request.javaName()) instanceof TypeDecl.RecordDecl requestDecl)) {
            return null;
        }
        String inputType = recordElementOf(requestDecl.field("inputs"), types);
        if (inputType == null || !requestDecl.field("inputs").required()) {
            return null;
        }
        String resultType = null;
        for (TypeRef t : successBodies(result, types)) {
            if (!(t instanceof TypeRef.NamedRef named)
                    || !(types.get(named.javaName()) instanceof TypeDecl.RecordDecl decl)) {
                return null;
            }
            Field results = decl.field("results");
            if (results == null
                    || !(results.type() instanceof TypeRef.ListRef list)
                    || !(list.element() instanceof TypeRef.NamedRef r)) {
                return null;
            }
            if (resultType != null && !resultType.equals(r.javaName())) {
                return null;
            }
            resultType = r.javaName();
        }
        if (resultType == null || !(types.get(resultType) instanceof TypeDecl.RecordDecl)) {
            return null;
        }
        return new Operation.Batch(request.javaName(), inputType, resultType);
    }

    /** The record type of a list field's elements, or null when the field is not a list of records. */
    private static String recordElementOf(Field field, Map<String, TypeDecl> types) {
        if (field == null
                || !(field.type() instanceof TypeRef.ListRef list)
                || !(list.element() instanceof TypeRef.NamedRef element)
                || !(types.get(element.javaName()) instanceof TypeDecl.RecordDecl)) {
            return null;
        }
        return element.javaName();
    }

    private static List<TypeRef> successBodies(Operation.Result result, Map<String, TypeDecl> types) {
        List<TypeRef> bodies = new ArrayList<>();
        if (result instanceof Operation.Result.Single single) {
            bodies.add(single.type());
        } else if (result instanceof Operation.Result.Union union) {
            for (TypeDecl.Variant v : ((TypeDecl.ResponseUnionDecl) types.get(union.unionName())).variants()) {
                if (v.body() != null) {
                    bodies.add(v.body());
                }
            }
        }
        return bodies;
    }
}
