package io.localdps.networking;

import io.localdps.common.InvalidInputException;
import io.localdps.common.StaleVersionException;
import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.stream.IntStream;

import static io.localdps.networking.FilterAction.ACCEPT;
import static io.localdps.networking.FilterAction.REJECT;
import static io.localdps.networking.FilterTarget.ALL;
import static io.localdps.networking.FilterTarget.DEVICE_API;
import static io.localdps.networking.FilterTarget.SERVICE_API;
import static io.localdps.networking.IpFilterTest.ip;
import static io.localdps.networking.IpFilterTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saving networking settings on a real database; run on H2 and PostgreSQL by the two subclasses. */
@ServiceTest
abstract class NetworkingServiceTest {

    @Autowired NetworkingService networking;
    @Autowired NetworkAdmission admission;
    @Autowired JdbcClient jdbc;
    @Autowired io.localdps.audit.AuditLogService auditLog;

    @AfterEach
    void openEverythingAgain() {
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, List.of()), networking.settings().version(), null, false);
    }

    @Test
    void savedRulesComeBackInTheirOrderAndApplyToTheListenersAtOnce() {
        long before = networking.settings().version();
        List<IpFilterRule> rules = List.of(rule("lab", REJECT, "192.168.50.0/24", DEVICE_API), rule("corp", ACCEPT, "10.0.0.0/8", ALL),
                rule("rest", REJECT, "0.0.0.0/0", SERVICE_API));

        NetworkSettings saved = networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, rules), before, null, false);

        assertThat(saved.version()).isEqualTo(before + 1);
        assertThat(networking.settings().ipFilterRules()).containsExactlyElementsOf(rules);
        assertThat(networking.settings().publicNetworkAccess()).isEqualTo(PublicNetworkAccess.ENABLED);
        assertThat(admission.admits(ip("192.168.50.7"), NetworkEndpoint.DEVICE_API)).isFalse();
        assertThat(admission.admits(ip("192.168.50.7"), NetworkEndpoint.SERVICE_API)).isFalse();
        assertThat(admission.admits(ip("10.1.1.1"), NetworkEndpoint.SERVICE_API)).isTrue();
        assertThat(admission.admits(ip("203.0.113.1"), NetworkEndpoint.DEVICE_API)).isTrue();
    }

    @Test
    void aSaveIsAuditedWithTheRulesBeforeAndAfterAndAStaleOneIsNot() {
        long read = networking.settings().version();
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, List.of(rule("audited", REJECT, "198.51.100.0/24", ALL))),
                read, null, false);
        assertThatThrownBy(() -> networking.update(new NetworkChange(PublicNetworkAccess.DISABLED, List.of()), read, null, false))
                .isInstanceOf(StaleVersionException.class);

        var entries = auditLog.page(new io.localdps.audit.AuditFilter(io.localdps.common.AuditedChange.Kind.NETWORKING,
                null, null, null, null), io.localdps.common.PageRequest.first(1));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.entityId()).isEqualTo("networking");
            assertThat(entry.summary()).contains("ipFilterRules[0].filterName: — → audited")
                    .contains("ipFilterRules[0].ipMask: — → 198.51.100.0/24");
        });
        assertThat(auditLog.count(new io.localdps.audit.AuditFilter(io.localdps.common.AuditedChange.Kind.NETWORKING,
                null, "publicNetworkAccess: enabled → disabled", null, null))).as("the stale save left no entry").isZero();
    }

    @Test
    void aSaveBasedOnAnOutdatedVersionIsRefusedAndChangesNothing() {
        long read = networking.settings().version();
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, List.of(rule("first", REJECT, "1.2.3.4", ALL))), read, null, false);

        assertThatThrownBy(() -> networking.update(new NetworkChange(PublicNetworkAccess.DISABLED, List.of()), read, null, false))
                .isInstanceOf(StaleVersionException.class);
        assertThat(networking.settings().ipFilterRules()).extracting(IpFilterRule::filterName).containsExactly("first");
        assertThat(networking.settings().publicNetworkAccess()).isEqualTo(PublicNetworkAccess.ENABLED);
    }

    @Test
    void a101stRuleIsRefusedAndTheSavedRulesStayAsTheyWere() {
        List<IpFilterRule> hundred = IntStream.range(0, 100).mapToObj(i -> rule("r" + i, REJECT, "10.0." + i + ".0/24", ALL)).toList();
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, hundred), networking.settings().version(), null, false);
        long version = networking.settings().version();
        List<IpFilterRule> tooMany = new java.util.ArrayList<>(hundred);
        tooMany.add(rule("r100", REJECT, "10.1.0.0/24", ALL));

        assertThatThrownBy(() -> networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, tooMany), version, null, false))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("ipFilterRules"));
        assertThat(networking.settings().ipFilterRules()).hasSize(100);
        assertThat(networking.settings().version()).isEqualTo(version);
    }

    @Test
    void anInvalidRuleIsReportedAtItsFieldAndNothingIsSavedNorEnforced() {
        long version = networking.settings().version();
        List<IpFilterRule> rules = List.of(rule("block", REJECT, "0.0.0.0/0", ALL), rule("bad", ACCEPT, "10.0.0.300", ALL));

        assertThatThrownBy(() -> networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, rules), version, null, false))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("ipFilterRules[1].ipMask"));
        assertThat(networking.settings().version()).isEqualTo(version);
        assertThat(networking.settings().ipFilterRules()).isEmpty();
        assertThat(admission.admits(ip("203.0.113.1"), NetworkEndpoint.DEVICE_API)).isTrue();
    }

    @Test
    void rulesThatRejectTheAdminsOwnAddressOnTheServiceApiNeedConfirmation() {
        long version = networking.settings().version();
        NetworkChange change = new NetworkChange(PublicNetworkAccess.ENABLED,
                List.of(rule("corp", ACCEPT, "10.0.0.0/8", ALL), rule("rest", REJECT, "0.0.0.0/0", ALL)));

        assertThat(networking.review(change, ip("198.51.100.4")).locksOutAdmin()).isTrue();
        assertThat(networking.review(change, ip("10.0.0.4")).locksOutAdmin()).isFalse();
        assertThatThrownBy(() -> networking.update(change, version, ip("198.51.100.4"), false))
                .isInstanceOf(LockoutNotConfirmedException.class)
                .hasMessageContaining("198.51.100.4");
        assertThat(networking.settings().version()).isEqualTo(version);

        networking.update(change, version, ip("198.51.100.4"), true);
        assertThat(networking.settings().ipFilterRules()).hasSize(2);
    }

    @Test
    void aChangeMadeByAnotherNodeIsPickedUpByTheNextRefresh() {
        long version = networking.settings().version();
        // What another node's save leaves in the shared database.
        jdbc.sql("UPDATE network_settings SET version = ?, ip_filter_rules = ? WHERE id = 1")
                .params(version + 1, "{\"rules\":[{\"filterName\":\"elsewhere\",\"action\":\"Reject\",\"ipMask\":\"203.0.113.0/24\",\"target\":\"deviceApi\"}]}")
                .update();
        assertThat(admission.admits(ip("203.0.113.9"), NetworkEndpoint.DEVICE_API)).as("not yet refreshed").isTrue();

        admission.refresh();

        assertThat(admission.admits(ip("203.0.113.9"), NetworkEndpoint.DEVICE_API)).isFalse();
        assertThat(admission.admits(ip("203.0.113.9"), NetworkEndpoint.SERVICE_API)).isTrue();
        assertThat(admission.current().rules()).singleElement().extracting(IpFilterRule::target).isEqualTo(DEVICE_API);
    }

    @Test
    void testingAnAddressUsesTheUnsavedRulesAndNamesTheDecidingRule() {
        NetworkChange draft = new NetworkChange(PublicNetworkAccess.ENABLED, List.of(rule("apps", REJECT, "172.16.0.0/12", SERVICE_API)));

        IpFilter.Decision service = networking.test(draft, "172.20.1.1", NetworkEndpoint.SERVICE_API);
        IpFilter.Decision device = networking.test(draft, "172.20.1.1", NetworkEndpoint.DEVICE_API);

        assertThat(service.accepted()).isFalse();
        assertThat(service.filterName()).isEqualTo("apps");
        assertThat(device.accepted()).isTrue();
        assertThat(networking.settings().ipFilterRules()).isEmpty();
        assertThatThrownBy(() -> networking.test(draft, "not-an-ip", NetworkEndpoint.DEVICE_API))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey(NetworkingService.ADDRESS));
    }
}
