package io.localdps.networking;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The IP filter as the listeners apply it: compiled once per change into arrays, immutable, so a
 * connection's check is a few integer comparisons and no lock (security.md §5). Order: public
 * network access first (disabled → only {@link PrivateNetworks}), then the rules in their order;
 * the first rule that matches the address and guards the endpoint decides; when none matches the
 * client is accepted (Azure: no rules = accept all).
 *
 * <p>Rules are IPv4. A genuine IPv6 client is matched only by 0.0.0.0/0 rules, which stand for
 * "every client": so "accept 10.0.0.0/8, then reject 0.0.0.0/0" keeps IPv6 clients out too.
 */
public final class IpFilter {

    /** No rules, public access on: everything is accepted. */
    public static final IpFilter OPEN = compile(PublicNetworkAccess.ENABLED, List.of());

    private final PublicNetworkAccess access;
    private final List<IpFilterRule> rules;
    private final int[] networks;
    private final int[] prefixes;
    private final int[] netmasks;
    private final boolean[] accepts;
    private final boolean[] guardsDevices;
    private final boolean[] guardsServices;

    private IpFilter(PublicNetworkAccess access, List<IpFilterRule> rules) {
        this.access = access;
        this.rules = List.copyOf(rules);
        int n = rules.size();
        networks = new int[n];
        prefixes = new int[n];
        netmasks = new int[n];
        accepts = new boolean[n];
        guardsDevices = new boolean[n];
        guardsServices = new boolean[n];
        for (int i = 0; i < n; i++) {
            IpFilterRule rule = rules.get(i);
            IpMask mask = IpMask.of(rule.ipMask());
            networks[i] = mask.network();
            prefixes[i] = mask.prefixLength();
            netmasks[i] = mask.prefixLength() == 0 ? 0 : -1 << (32 - mask.prefixLength());
            accepts[i] = rule.action() == FilterAction.ACCEPT;
            guardsDevices[i] = rule.target().applies(NetworkEndpoint.DEVICE_API);
            guardsServices[i] = rule.target().applies(NetworkEndpoint.SERVICE_API);
        }
    }

    /** @throws IllegalArgumentException for a rule whose ipMask does not parse (validated rules always do) */
    public static IpFilter compile(PublicNetworkAccess access, List<IpFilterRule> rules) {
        return new IpFilter(access, rules);
    }

    public PublicNetworkAccess publicNetworkAccess() {
        return access;
    }

    public List<IpFilterRule> rules() {
        return rules;
    }

    /** The listeners' question: may this client use this endpoint? */
    public boolean admits(InetAddress client, NetworkEndpoint endpoint) {
        return decide(client, endpoint).accepted();
    }

    /**
     * For a client whose address cannot be read (never expected from a socket, but possible with a
     * forwarded-address header): only when nothing is filtered at all. Failing open would let a
     * forged header slip past every rule.
     */
    public boolean admitsUnknownAddress() {
        return access == PublicNetworkAccess.ENABLED && rules.isEmpty();
    }

    /** The answer with its reason, for the console's "Test an address" (the client never sees it). */
    public Decision decide(InetAddress client, NetworkEndpoint endpoint) {
        if (access == PublicNetworkAccess.DISABLED && !PrivateNetworks.contains(client)) {
            return new Decision(false, 0, null, "Public network access is disabled and "
                    + client.getHostAddress() + " is not a loopback or private address.");
        }
        Optional<Integer> ipv4 = IpMask.clientAddress(client);
        boolean[] guards = endpoint == NetworkEndpoint.DEVICE_API ? guardsDevices : guardsServices;
        for (int i = 0; i < networks.length; i++) {
            if (guards[i] && matches(i, ipv4)) {
                IpFilterRule rule = rules.get(i);
                return new Decision(accepts[i], i + 1, rule.filterName(), (accepts[i] ? "Accepted" : "Rejected")
                        + " by rule " + (i + 1) + " \"" + rule.filterName() + "\" (" + rule.ipMask() + ").");
            }
        }
        return new Decision(true, 0, null, rules.isEmpty() ? "Accepted: there are no IP filter rules."
                : "Accepted: no rule matches this address for this endpoint, and unmatched clients are accepted.");
    }

    private boolean matches(int rule, Optional<Integer> ipv4) {
        if (prefixes[rule] == 0) {
            return true;
        }
        return ipv4.isPresent() && (ipv4.get() & netmasks[rule]) == networks[rule];
    }

    /**
     * @param ruleNumber  1-based position of the deciding rule, 0 when no rule decided
     * @param filterName  the deciding rule's name, or null
     * @param explanation one sentence for the admin
     */
    public record Decision(boolean accepted, int ruleNumber, String filterName, String explanation) {
    }
}
