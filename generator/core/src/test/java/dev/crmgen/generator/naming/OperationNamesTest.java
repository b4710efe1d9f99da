package dev.crmgen.generator.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmgen.generator.naming.OperationNames.Endpoint;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationNamesTest {
    private static List<String> names(Endpoint... endpoints) {
        LinkedHashSet<String> paths = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            paths.add(e.path());
        }
        return OperationNames.of(List.of(endpoints), paths);
    }

    @Test
    void hubSpotIdsAndPathOnlyIdsReadLikeHubSpotsOwnNames() {
        assertEquals(
                List.of("getPage", "getById", "batchUpdate", "batchRead", "doSearch"),
                names(
                        new Endpoint("/crm/v3/objects/notes", "GET", "get-/crm/v3/objects/notes_getPage"),
                        new Endpoint("/crm/v3/objects/notes/{noteId}", "GET", "get-/crm/v3/objects/notes/{noteId}"),
                        new Endpoint(
                                "/crm/v3/objects/notes/batch/update",
                                "POST",
                                "post-/crm/v3/objects/notes/batch/update_update"),
                        new Endpoint("/crm/v3/objects/notes/batch/read", "POST", null),
                        new Endpoint("/crm/v3/objects/notes/search", "POST", "")));
    }

    @Test
    void aSharedNameIsQualifiedByItsPath() {
        assertEquals(
                List.of("getPage", "getPageByGroupName"),
                names(
                        new Endpoint("/crm/v3/properties/groups", "GET", "getPage"),
                        new Endpoint("/crm/v3/properties/groups/{groupName}", "GET", "getPage")));
    }

    @Test
    void noOperationTakesAnotherOnesAsyncOrAllNameOrTheInvoker() {
        assertEquals(
                List.of("update", "updateAll2", "invoker2"),
                names(
                        new Endpoint("/a", "POST", "update"),
                        new Endpoint("/b", "POST", "updateAll"),
                        new Endpoint("/c", "POST", "invoker")));
    }
}
