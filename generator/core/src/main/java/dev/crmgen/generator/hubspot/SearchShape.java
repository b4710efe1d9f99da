package dev.crmgen.generator.hubspot;

import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot's CRM search: {@code POST …/search} with a JSON body whose {@code after} property is the cursor, answering
 * {@code total}, {@code results} and {@code paging.next.after}.
 *
 * @param bodyType the request record, which holds {@code after}
 * @param pageType the response record
 * @param itemType the element type of {@code results}
 */
public record SearchShape(TypeDecl.RecordDecl bodyType, TypeDecl.RecordDecl pageType, TypeRef itemType) {
    private static final String CURSOR = "after";
    private static final TypeRef STRING = TypeRef.scalar(TypeRef.Scalar.STRING);

    /** The search paging of an operation, or empty when it is not a CRM search that pages HubSpot's way. */
    public static Optional<SearchShape> of(Operation operation, Map<String, TypeDecl> types) {
        List<String> segments = HubSpotOperations.literalSegments(operation.path());
        if (!operation.httpMethod().equals("POST")
                || segments.isEmpty()
                || !segments.get(segments.size() - 1).equals("search")
                || operation.body() == null
                || operation.body().isMultipart()
                || !(operation.result() instanceof Operation.Result.Single single)) {
            return Optional.empty();
        }
        TypeDecl.RecordDecl body = PagingShape.record(operation.body().type(), types);
        Field after = body == null ? null : body.field(CURSOR);
        TypeDecl.RecordDecl page = PagingShape.record(single.type(), types);
        if (after == null || !after.type().equals(STRING) || page == null || page.field("total") == null) {
            return Optional.empty();
        }
        TypeRef total = page.field("total").type();
        boolean countable = total.equals(TypeRef.scalar(TypeRef.Scalar.INT32))
                || total.equals(TypeRef.scalar(TypeRef.Scalar.INT64));
        TypeRef item = PagingShape.items(page);
        if (!countable || item == null || PagingShape.nextCursor(page, types) == null) {
            return Optional.empty();
        }
        return Optional.of(new SearchShape(body, page, item));
    }
}
