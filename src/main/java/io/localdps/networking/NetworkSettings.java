package io.localdps.networking;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.List;

/**
 * The instance's networking settings (security.md §5): public network access and the ordered IP
 * filter rules. Aggregate root with exactly one row (id 1, created by the migration); its version
 * is the ETag and guards against two admins overwriting each other.
 */
public class NetworkSettings {

    static final int THE_ROW = 1;

    @Id
    private Integer id;
    @Version
    private Long version;
    private String publicNetworkAccess;
    private IpFilterRuleList ipFilterRules;
    private Instant updated;

    @PersistenceCreator
    NetworkSettings() {
    }

    void apply(NetworkChange change, Instant now) {
        publicNetworkAccess = change.publicNetworkAccess().name();
        ipFilterRules = new IpFilterRuleList(change.ipFilterRules());
        updated = now;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public PublicNetworkAccess publicNetworkAccess() {
        return PublicNetworkAccess.valueOf(publicNetworkAccess);
    }

    public List<IpFilterRule> ipFilterRules() {
        return ipFilterRules == null ? List.of() : ipFilterRules.rules();
    }

    public Instant updated() {
        return updated;
    }

    IpFilter compile() {
        return IpFilter.compile(publicNetworkAccess(), ipFilterRules());
    }

    /** The rule list as one JSON document: the aggregate is always read and written whole. */
    record IpFilterRuleList(List<IpFilterRule> rules) {
        IpFilterRuleList {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }
}
