package dev.accords.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list. Every list reads {@code limit + 1} rows: the extra row is never
 * shown, it only tells that another page follows, and the cursor to it points after the last row
 * shown. This is that one rule, for every list.
 *
 * @param items      at most {@code limit} rows, in list order
 * @param nextCursor the encoded cursor after the last item, or null on the last page
 */
public record Slice<T>(List<T> items, String nextCursor) {

    /** Cuts the {@code limit + 1} rows a keyset query read into the page and the cursor after it. */
    public static <T> Slice<T> of(List<T> rows, int limit, Function<T, PageCursor> cursorAfter) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Slice<>(items, cursorAfter.apply(items.get(items.size() - 1)).encode());
    }

    /** The items as the API shows them. */
    public <V> List<V> map(Function<T, V> view) {
        return items.stream().map(view).toList();
    }
}
