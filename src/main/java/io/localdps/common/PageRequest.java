package io.localdps.common;

/**
 * One page of a lazy list: offset and limit as Vaadin's grids ask for them, and one sort column
 * (a name the feature understands) with its direction.
 */
public record PageRequest(int offset, int limit, String sortBy, boolean ascending) {

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, true);
    }
}
