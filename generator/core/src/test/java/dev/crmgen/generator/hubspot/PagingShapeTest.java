package dev.crmgen.generator.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.spec.SpecReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagingShapeTest {
    /** HubSpot's list endpoint, cut down: {@code after} in the query, {@code paging.next.after} in the page. */
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: Notes, version: v3}
            paths:
              /crm/v3/objects/notes:
                get:
                  operationId: get-/crm/v3/objects/notes_getPage
                  parameters:
                    - {name: limit, in: query, schema: {type: integer, format: int32}}
                    - {name: after, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/CollectionResponseNote'}
              /crm/v3/objects/notes/search:
                post:
                  operationId: post-/crm/v3/objects/notes/search_doSearch
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties: {after: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/CollectionResponseNote'}
              /crm/v3/objects/counters:
                get:
                  operationId: get-/crm/v3/objects/counters_getPage
                  parameters:
                    - {name: after, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/NumberedPage'}
            components:
              schemas:
                Note:
                  type: object
                  properties: {id: {type: string}}
                NextPage:
                  type: object
                  required: [after]
                  properties: {after: {type: string}, link: {type: string}}
                ForwardPaging:
                  type: object
                  properties: {next: {$ref: '#/components/schemas/NextPage'}}
                CollectionResponseNote:
                  type: object
                  required: [results]
                  properties:
                    results: {type: array, items: {$ref: '#/components/schemas/Note'}}
                    paging: {$ref: '#/components/schemas/ForwardPaging'}
                NumberedNext:
                  type: object
                  properties: {after: {type: integer}}
                NumberedPaging:
                  type: object
                  properties: {next: {$ref: '#/components/schemas/NumberedNext'}}
                NumberedPage:
                  type: object
                  properties: {paging: {$ref: '#/components/schemas/NumberedPaging'}}
            """;

    private final ApiModel model = read();

    private static ApiModel read() {
        Problems problems = new Problems("paging.yaml");
        ApiModel model = SpecReader.read(
                        SpecSource.inline("paging.yaml", SPEC), new GeneratorOptions("com.acme", null), problems)
                .model();
        assertNotNull(model, () -> problems.diagnostics().toString());
        return model;
    }

    private Optional<PagingShape> paging(String path) {
        Operation operation = model.operations().stream()
                .filter(o -> o.path().equals(path))
                .findFirst()
                .orElseThrow();
        return PagingShape.of(operation, model.types());
    }

    @Test
    void aListWithAnAfterParameterAndPagingNextAfterPages() {
        PagingShape shape = paging("/crm/v3/objects/notes").orElseThrow();
        assertEquals("after", shape.after().javaName());
        assertEquals("CollectionResponseNote", shape.pageType());
        assertEquals(new TypeRef.NamedRef("Note"), shape.itemType());
    }

    @Test
    void aCursorInTheBodyIsNotQueryPaging() {
        assertTrue(paging("/crm/v3/objects/notes/search").isEmpty());
    }

    @Test
    void aSearchAnsweringWithoutTotalIsNotHubSpotsSearchPaging() {
        Operation search = model.operations().stream()
                .filter(o -> o.path().equals("/crm/v3/objects/notes/search"))
                .findFirst()
                .orElseThrow();
        assertTrue(SearchShape.of(search, model.types()).isEmpty(), "the ceiling cannot be told without total");
    }

    @Test
    void aCursorThatIsNotTextIsNotHubSpotsPaging() {
        assertTrue(paging("/crm/v3/objects/counters").isEmpty());
    }
}
