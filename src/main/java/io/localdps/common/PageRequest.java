package io.localdps.common;

/**
 * One page of a lazy list: offset and limit as Vaadin's grids ask for them, and one sort column
 * (a name the feature understands) with its direction.
 *
 * @param afterKey for keyset paging (the service API's continuation): only rows whose key (the
 *                 lower-case ID) sorts after this one, in key order; offset and sort are then ignored.
 *                 Unlike an offset it stays exact when rows before it are added or deleted between pages.
 */
public record PageRequest(int offset, int limit, String sortBy, boolean ascending, String afterKey) {

    public PageRequest(int offset, int limit, String sortBy, boolean ascending) {
        this(offset, limit, sortBy, ascending, null);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, true);
    }

    /** The rows after {@code afterKey} in key order (from the first row when it is null). */
    public static PageRequest afterKey(String afterKey, int limit) {
        return new PageRequest(0, limit, null, true, afterKey);
    }
}
