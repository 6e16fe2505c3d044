package io.localdps.networking;

/**
 * One entry of the ordered {@code ipFilterRules} list (security.md §5, service-api.md §9.1),
 * with ARM's property names. {@code ipMask} is kept as entered; {@link IpMask#parse} checks it.
 */
public record IpFilterRule(String filterName, FilterAction action, String ipMask, FilterTarget target) {

    /** A new row in the console: accept, for every endpoint, nothing filled in. */
    public static IpFilterRule blank() {
        return new IpFilterRule("", FilterAction.ACCEPT, "", FilterTarget.ALL);
    }
}
