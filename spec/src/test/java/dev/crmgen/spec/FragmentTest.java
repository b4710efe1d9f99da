package dev.crmgen.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fragment on its own: it parses cleanly and describes one operation the way consumers rely on. */
class FragmentTest {
    private final OpenAPI api = SpecFiles.fragment();
    private final Operation operation = SpecFiles.batchUpdate(api);

    @Test
    void parsesWithoutAnyParserMessage() {
        SwaggerParseResult result = SpecFiles.parse(SpecFiles.fragmentText());
        assertNotNull(result.getOpenAPI(), "Swagger Parser built no model: " + result.getMessages());
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        assertEquals(List.of(), messages, SpecFiles.RESOURCE + " must parse without any Swagger Parser message");
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    }

    @Test
    void describesExactlyOnePathWithOnePostOperation() {
        assertEquals(Set.of(SpecFiles.PATH), api.getPaths().keySet());
        Map<PathItem.HttpMethod, Operation> operations =
                api.getPaths().get(SpecFiles.PATH).readOperationsMap();
        assertEquals(Set.of(PathItem.HttpMethod.POST), operations.keySet());
        assertEquals("post-/crm/v3/objects/notes/batch/update_update", operation.getOperationId());
        assertEquals(List.of("Batch"), operation.getTags());
        assertEquals(Boolean.TRUE, operation.getRequestBody().getRequired(), "requestBody must be required");
        assertEquals(
                "#/components/schemas/BatchInputSimplePublicObjectBatchInput",
                operation
                        .getRequestBody()
                        .getContent()
                        .get("application/json")
                        .getSchema()
                        .get$ref());
    }

    @Test
    void declaresTheBatchResponsesAndTheSharedError() {
        Map<String, ApiResponse> responses = operation.getResponses();
        assertEquals(List.of("200", "207", "default"), List.copyOf(responses.keySet()));
        assertEquals(
                "#/components/schemas/BatchResponseSimplePublicObject",
                responses
                        .get("200")
                        .getContent()
                        .get("application/json")
                        .getSchema()
                        .get$ref());
        assertEquals(
                "#/components/schemas/BatchResponseSimplePublicObjectWithErrors",
                responses
                        .get("207")
                        .getContent()
                        .get("application/json")
                        .getSchema()
                        .get$ref());
        assertEquals("#/components/responses/Error", responses.get("default").get$ref());
        ApiResponse error = SpecFiles.response(api, responses.get("default"));
        assertEquals(
                "#/components/schemas/Error",
                error.getContent().get("*/*").getSchema().get$ref());
    }

    @Test
    void targetsHubSpotsApiHost() {
        assertEquals(1, api.getServers().size());
        assertEquals("https://api.hubapi.com", api.getServers().get(0).getUrl());
    }

    @Test
    void acceptsABearerAccessTokenOrOAuthWithTheNotesWriteScope() {
        Map<String, List<String>> requirements = new LinkedHashMap<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            requirements.putAll(requirement);
        }
        assertEquals(Map.of("accessToken", List.of(), "oauth2", List.of("crm.objects.contacts.write")), requirements);
        assertEquals(2, operation.getSecurity().size(), "each scheme is an alternative on its own");

        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("accessToken");
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());

        SecurityScheme oauth = api.getComponents().getSecuritySchemes().get("oauth2");
        assertEquals(SecurityScheme.Type.OAUTH2, oauth.getType());
        OAuthFlow flow = oauth.getFlows().getAuthorizationCode();
        assertNotNull(flow, "oauth2 must declare the authorization-code flow");
        assertEquals("https://app.hubspot.com/oauth/authorize", flow.getAuthorizationUrl());
        assertEquals("https://api.hubapi.com/oauth/v1/token", flow.getTokenUrl());
        assertEquals(Set.of("crm.objects.contacts.write"), flow.getScopes().keySet());
    }

    @Test
    void carriesHubSpotsSampleObject512WithItsSevenProperties() {
        Schema<?> simple = api.getComponents().getSchemas().get("SimplePublicObject");
        Map<String, Object> example = Examples.asMap(simple.getExample());
        assertEquals("512", example.get("id"));
        assertEquals(false, example.get("archived"));
        assertEquals("2019-10-30T03:30:17.883Z", example.get("createdAt"));
        assertEquals("2019-12-07T16:50:06.678Z", example.get("updatedAt"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("property_checkbox", "false");
        expected.put("property_date", "1572480000000");
        expected.put("property_dropdown", "choice_b");
        expected.put("property_multiple_checkboxes", "chocolate;strawberry");
        expected.put("property_number", "17");
        expected.put("property_radio", "option_1");
        expected.put("property_string", "value");
        assertEquals(expected, example.get("properties"));
    }

    @Test
    void containsOnlySchemasTheOperationReaches() {
        Set<String> reached = SpecFiles.reachedSchemas(api, operation);
        assertEquals(
                Set.of(
                        "BatchInputSimplePublicObjectBatchInput",
                        "SimplePublicObjectBatchInput",
                        "BatchResponseSimplePublicObject",
                        "BatchResponseSimplePublicObjectWithErrors",
                        "SimplePublicObject",
                        "ValueWithTimestamp",
                        "PublicObjectWarning",
                        "StandardError",
                        "ErrorDetail",
                        "Error"),
                reached);
        assertEquals(reached, api.getComponents().getSchemas().keySet(), "unused or missing component schemas");
    }

    @Test
    void isAResourceAtTheClassPathRoot() {
        assertNotNull(
                FragmentTest.class.getClassLoader().getResource(SpecFiles.RESOURCE),
                "the jar must carry " + SpecFiles.RESOURCE + " at its root");
    }
}
