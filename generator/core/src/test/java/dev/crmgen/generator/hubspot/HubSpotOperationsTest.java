package dev.crmgen.generator.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HubSpotOperationsTest {
    @Test
    void aBatchPathEndsInBatchAndALiteralAction() {
        assertTrue(HubSpotOperations.isBatch(List.of("crm", "v3", "objects", "notes", "batch", "update")));
        assertTrue(HubSpotOperations.isBatch(List.of("{objectType}", "batch", "read")));
        assertFalse(
                HubSpotOperations.isBatch(List.of("crm", "v3", "objects", "batch", "{id}")),
                "a parameter is no action");
        assertFalse(HubSpotOperations.isBatch(List.of("crm", "v3", "objects", "notes", "search")));
        assertFalse(HubSpotOperations.isBatch(List.of("batch")));
    }

    @Test
    void idempotentMethodsSearchesAndIdempotentBatchActionsAreRetrySafe() {
        assertTrue(HubSpotOperations.retrySafe("GET", "/crm/v3/objects/notes"));
        assertTrue(HubSpotOperations.retrySafe("DELETE", "/crm/v3/objects/notes/{noteId}"));
        assertTrue(HubSpotOperations.retrySafe("POST", "/crm/v3/objects/notes/search"));
        assertTrue(HubSpotOperations.retrySafe("POST", "/crm/v3/objects/notes/batch/update"));
        assertTrue(HubSpotOperations.retrySafe("POST", "/crm/v3/objects/{objectType}/batch/upsert"));
        assertFalse(
                HubSpotOperations.retrySafe("POST", "/crm/v3/objects/notes/batch/create"), "a repeat creates twice");
        assertFalse(HubSpotOperations.retrySafe("POST", "/crm/v3/objects/notes"));
        assertFalse(HubSpotOperations.retrySafe("PATCH", "/crm/v3/objects/notes/{noteId}"));
    }

    @Test
    void anActionIdNamesItsActionAndABatchActionSaysBatch() {
        assertEquals("batch update", HubSpotOperations.actionWords("post-/crm/v3/objects/notes/batch/update_update"));
        assertEquals(
                "batchArchive", HubSpotOperations.actionWords("post-/crm/v3/objects/notes/batch/archive_batchArchive"));
        assertEquals("getById", HubSpotOperations.actionWords("get-/crm/v3/objects/notes/{noteId}_getById"));
        assertNull(HubSpotOperations.actionWords("listNotes"));
    }

    @Test
    void anIdThatOnlyRepeatsThePathIsRecognised() {
        assertTrue(HubSpotOperations.idRepeatsPath("post-/crm/v3/objects/contacts/batch/read"));
        assertTrue(HubSpotOperations.idRepeatsPath("get-/x_/x"));
        assertFalse(HubSpotOperations.idRepeatsPath("get-/crm/v3/objects/notes/{noteId}_getById"));
        assertFalse(HubSpotOperations.idRepeatsPath("listNotes"));
    }
}
