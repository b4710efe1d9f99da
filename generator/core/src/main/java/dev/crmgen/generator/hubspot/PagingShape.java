package dev.crmgen.generator.hubspot;

import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.Parameter;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot's cursor paging: a list operation takes the query parameter {@code after} and answers a record whose
 * {@code paging.next.after} is the cursor of the next page (absent on the last page), beside the page's
 * {@code results}.
 *
 * @param after the operation's {@code after} query parameter
 * @param pageType the response record holding {@code results} and {@code paging}
 * @param itemType the element type of {@code results}, or null when the page has no {@code results} list
 */
public record PagingShape(Parameter after, String pageType, TypeRef itemType) {
    private static final String CURSOR = "after";

    /**
     * The paging of an operation, or empty when it does not page HubSpot's way.
     *
     * @param types the model's types, by Java name
     */
    public static Optional<PagingShape> of(Operation operation, Map<String, TypeDecl> types) {
        Parameter after = null;
        for (Parameter p : operation.parameters()) {
            if (p.in() == Parameter.Location.QUERY && p.name().equals(CURSOR)) {
                after = p;
                break;
            }
        }
        if (after == null || !(operation.result() instanceof Operation.Result.Single single)) {
            return Optional.empty();
        }
        TypeDecl.RecordDecl page = record(single.type(), types);
        if (page == null || nextCursor(page, types) == null) {
            return Optional.empty();
        }
        return Optional.of(new PagingShape(after, page.javaName(), items(page)));
    }

    /** The string {@code paging.next.after} of a page record, or null when the page has none. */
    static Field nextCursor(TypeDecl.RecordDecl page, Map<String, TypeDecl> types) {
        TypeDecl.RecordDecl paging = record(typeOf(page.field("paging")), types);
        TypeDecl.RecordDecl next = paging == null ? null : record(typeOf(paging.field("next")), types);
        Field cursor = next == null ? null : next.field(CURSOR);
        return cursor == null || !cursor.type().equals(TypeRef.scalar(TypeRef.Scalar.STRING)) ? null : cursor;
    }

    /** The element type of a page's {@code results} list, or null when it has none. */
    static TypeRef items(TypeDecl.RecordDecl page) {
        return typeOf(page.field("results")) instanceof TypeRef.ListRef list ? list.element() : null;
    }

    private static TypeRef typeOf(Field field) {
        return field == null ? null : field.type();
    }

    static TypeDecl.RecordDecl record(TypeRef type, Map<String, TypeDecl> types) {
        return type instanceof TypeRef.NamedRef named && types.get(named.javaName()) instanceof TypeDecl.RecordDecl r
                ? r
                : null;
    }
}
