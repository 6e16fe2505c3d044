package io.localdps.networking;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static io.localdps.networking.FilterAction.ACCEPT;
import static io.localdps.networking.FilterAction.REJECT;
import static io.localdps.networking.FilterTarget.ALL;
import static io.localdps.networking.FilterTarget.DEVICE_API;
import static io.localdps.networking.FilterTarget.SERVICE_API;
import static org.assertj.core.api.Assertions.assertThat;

class IpFilterTest {

    @Test
    void withoutRulesEveryClientIsAccepted() {
        assertThat(IpFilter.OPEN.admits(ip("203.0.113.7"), NetworkEndpoint.DEVICE_API)).isTrue();
        assertThat(IpFilter.OPEN.decide(ip("2001:db8::1"), NetworkEndpoint.SERVICE_API).accepted()).isTrue();
    }

    @Test
    void theFirstMatchingRuleDecidesWhateverComesAfterIt() {
        IpFilter filter = filter(rule("block-one", REJECT, "10.0.0.5", ALL), rule("corp", ACCEPT, "10.0.0.0/8", ALL),
                rule("rest", REJECT, "0.0.0.0/0", ALL));

        IpFilter.Decision blocked = filter.decide(ip("10.0.0.5"), NetworkEndpoint.DEVICE_API);
        IpFilter.Decision corp = filter.decide(ip("10.9.9.9"), NetworkEndpoint.DEVICE_API);
        IpFilter.Decision outside = filter.decide(ip("198.51.100.1"), NetworkEndpoint.DEVICE_API);

        assertThat(blocked.accepted()).isFalse();
        assertThat(blocked.ruleNumber()).isEqualTo(1);
        assertThat(corp.accepted()).isTrue();
        assertThat(corp.filterName()).isEqualTo("corp");
        assertThat(outside.accepted()).isFalse();
        assertThat(outside.filterName()).isEqualTo("rest");
    }

    @Test
    void anAddressNoRuleMatchesIsAccepted() {
        IpFilter filter = filter(rule("block-lab", REJECT, "192.168.50.0/24", ALL));

        IpFilter.Decision decision = filter.decide(ip("192.168.51.1"), NetworkEndpoint.DEVICE_API);

        assertThat(decision.accepted()).isTrue();
        assertThat(decision.ruleNumber()).isZero();
        assertThat(decision.filterName()).isNull();
    }

    @Test
    void aRuleForOneEndpointIsSkippedForTheOther() {
        IpFilter filter = filter(rule("no-devices", REJECT, "127.0.0.1/32", DEVICE_API),
                rule("no-apps", REJECT, "127.0.0.2/32", SERVICE_API));

        assertThat(filter.admits(ip("127.0.0.1"), NetworkEndpoint.DEVICE_API)).isFalse();
        assertThat(filter.admits(ip("127.0.0.1"), NetworkEndpoint.SERVICE_API)).isTrue();
        assertThat(filter.admits(ip("127.0.0.2"), NetworkEndpoint.DEVICE_API)).isTrue();
        assertThat(filter.admits(ip("127.0.0.2"), NetworkEndpoint.SERVICE_API)).isFalse();
    }

    @Test
    void anExceptionBeforeAWiderRuleWinsAndTheSameRulesInTheOtherOrderDoNot() {
        IpFilterRule exception = rule("one-device", ACCEPT, "10.1.2.3", ALL);
        IpFilterRule blockNet = rule("net", REJECT, "10.1.0.0/16", ALL);

        assertThat(filter(exception, blockNet).admits(ip("10.1.2.3"), NetworkEndpoint.DEVICE_API)).isTrue();
        assertThat(filter(blockNet, exception).admits(ip("10.1.2.3"), NetworkEndpoint.DEVICE_API)).isFalse();
    }

    @Test
    void ipv6ClientsAreMatchedOnlyBySlash0RulesAndTheIpv6LoopbackCountsAs127001() {
        IpFilter corpOnly = filter(rule("corp", ACCEPT, "10.0.0.0/8", ALL), rule("rest", REJECT, "0.0.0.0/0", ALL));
        IpFilter blockLoopback = filter(rule("loopback", REJECT, "127.0.0.1", ALL));

        assertThat(corpOnly.admits(ip("2001:db8::1"), NetworkEndpoint.DEVICE_API)).isFalse();
        assertThat(corpOnly.admits(ip("::ffff:10.0.0.1"), NetworkEndpoint.DEVICE_API)).isTrue();
        assertThat(blockLoopback.admits(ip("::1"), NetworkEndpoint.DEVICE_API)).isFalse();
        assertThat(blockLoopback.admits(ip("2001:db8::1"), NetworkEndpoint.DEVICE_API)).isTrue();
    }

    @Test
    void publicNetworkAccessDisabledRejectsPublicAddressesBeforeAnyRuleAndStillAppliesRulesToPrivateOnes() {
        IpFilter filter = IpFilter.compile(PublicNetworkAccess.DISABLED,
                List.of(rule("everyone", ACCEPT, "0.0.0.0/0", ALL), rule("x", REJECT, "10.0.0.0/8", ALL)));
        IpFilter privateBlocked = IpFilter.compile(PublicNetworkAccess.DISABLED, List.of(rule("lab", REJECT, "192.168.0.0/16", ALL)));

        IpFilter.Decision publicClient = filter.decide(ip("203.0.113.7"), NetworkEndpoint.SERVICE_API);

        assertThat(publicClient.accepted()).isFalse();
        assertThat(publicClient.ruleNumber()).isZero();
        assertThat(filter.admits(ip("10.0.0.1"), NetworkEndpoint.SERVICE_API)).isTrue();
        assertThat(filter.admits(ip("127.0.0.1"), NetworkEndpoint.DEVICE_API)).isTrue();
        assertThat(filter.admits(ip("fd00::1"), NetworkEndpoint.DEVICE_API)).isTrue();
        assertThat(filter.admits(ip("2001:db8::1"), NetworkEndpoint.DEVICE_API)).isFalse();
        assertThat(privateBlocked.admits(ip("192.168.1.1"), NetworkEndpoint.DEVICE_API)).isFalse();
    }

    @Test
    void theDecisionNamesTheRuleForTheAdmin() {
        IpFilter.Decision decision = filter(rule("office", REJECT, "198.51.100.0/24", ALL))
                .decide(ip("198.51.100.9"), NetworkEndpoint.SERVICE_API);

        assertThat(decision.explanation()).contains("rule 1").contains("office").contains("198.51.100.0/24");
    }

    @Test
    void aClientWhoseAddressCannotBeReadIsAdmittedOnlyWhenNothingIsFiltered() {
        assertThat(IpFilter.OPEN.admitsUnknownAddress()).isTrue();
        assertThat(filter(rule("corp", ACCEPT, "10.0.0.0/8", ALL)).admitsUnknownAddress()).isFalse();
        assertThat(IpFilter.compile(PublicNetworkAccess.DISABLED, List.of()).admitsUnknownAddress()).isFalse();
    }

    static IpFilterRule rule(String name, FilterAction action, String mask, FilterTarget target) {
        return new IpFilterRule(name, action, mask, target);
    }

    private static IpFilter filter(IpFilterRule... rules) {
        return IpFilter.compile(PublicNetworkAccess.ENABLED, List.of(rules));
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
