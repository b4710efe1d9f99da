package dev.crmgen.runtime.paging;

/** What a search stream does when the query matches more results than HubSpot lets it page through. */
public enum SearchLimitPolicy {
    /**
     * Fail as soon as the first page's {@code total} shows the ceiling will be reached, before any item is handed
     * out: nothing is processed that a narrower query would have to process again. The default.
     */
    FAIL_FAST,
    /**
     * Hand out the results that can be read (the first {@value Pages#SEARCH_RESULT_CEILING}), then fail instead of
     * asking for the page HubSpot would refuse.
     */
    FAIL_AFTER_REACHABLE
}
