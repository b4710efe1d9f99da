/**
 * Lazy streams over HubSpot's cursor-paged operations: {@link dev.crmgen.runtime.paging.Pages#stream} turns a
 * {@link dev.crmgen.runtime.paging.PageFetcher} (one page for an {@code after} cursor) into a {@code Stream} that
 * fetches the next page only when the items already fetched are used up, and
 * {@link dev.crmgen.runtime.paging.Pages#searchStream} does the same for CRM search, whose 10,000-result ceiling
 * ends the stream with a {@link dev.crmgen.runtime.paging.SearchLimitException} instead of silently.
 */
package dev.crmgen.runtime.paging;
