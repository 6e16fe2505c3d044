package io.localdps.networking;

import java.util.List;

/** What the admin wants the networking settings to be: the whole rule list in its order. */
public record NetworkChange(PublicNetworkAccess publicNetworkAccess, List<IpFilterRule> ipFilterRules) {

    public NetworkChange {
        ipFilterRules = ipFilterRules == null ? List.of() : List.copyOf(ipFilterRules);
    }
}
