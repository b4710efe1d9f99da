package dev.crmgen.runtime.paging;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page as HubSpot answers it: {@code results}, the cursor of the next page ({@code paging.next.after}) and, for
 * search, {@code total}. Built from a tolerantly decoded response: missing {@code results} is an empty page, and a
 * missing or blank cursor means this is the last page.
 *
 * @param items the page's items, never null
 * @param nextAfter the cursor of the next page, or null on the last page
 * @param total how many results the whole query has (search's {@code total}), or empty when not reported
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextAfter, OptionalLong total) {
    /** Normalises the components: null items become an empty list, a blank cursor null, a null total empty. */
    public Page {
        items = items == null ? List.of() : items;
        nextAfter = nextAfter == null || nextAfter.isBlank() ? null : nextAfter;
        total = total == null ? OptionalLong.empty() : total;
    }

    /** A page of a list operation: {@code results} and {@code paging.next.after} (null on the last page). */
    public static <T> Page<T> of(List<T> items, String nextAfter) {
        return new Page<>(items, nextAfter, OptionalLong.empty());
    }

    /** A page of a search: {@code total}, {@code results} and {@code paging.next.after} (null on the last page). */
    public static <T> Page<T> of(long total, List<T> items, String nextAfter) {
        return new Page<>(items, nextAfter, OptionalLong.of(total));
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return nextAfter != null;
    }
}
