package io.localdps.networking;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.localdps.networking.FilterAction.ACCEPT;
import static io.localdps.networking.FilterAction.REJECT;
import static io.localdps.networking.FilterTarget.ALL;
import static io.localdps.networking.FilterTarget.DEVICE_API;
import static io.localdps.networking.FilterTarget.SERVICE_API;
import static io.localdps.networking.IpFilterTest.rule;
import static org.assertj.core.api.Assertions.assertThat;

class IpFilterRulesTest {

    @Test
    void anInvalidCidrIsReportedAtThatRulesIpMask() {
        var errors = IpFilterRules.errors(List.of(rule("ok", ACCEPT, "10.0.0.0/8", ALL), rule("bad", REJECT, "10.0.0.0/40", ALL)), 100);

        assertThat(errors).containsOnlyKeys("ipFilterRules[1].ipMask");
    }

    @Test
    void namesMustBeUniqueIgnoringCaseAndUseTheAllowedCharacters() {
        var errors = IpFilterRules.errors(List.of(rule("Corp", ACCEPT, "10.0.0.0/8", ALL), rule("corp", REJECT, "0.0.0.0/0", ALL),
                rule("with space", REJECT, "1.2.3.4", ALL), rule("x".repeat(129), REJECT, "1.2.3.5", ALL),
                rule("a-b:c/d\\e.f+g%h_i#j*k?l!m(n)o,p=q@r;s't", REJECT, "1.2.3.6", ALL)), 100);

        assertThat(errors).containsOnlyKeys("ipFilterRules[1].filterName", "ipFilterRules[2].filterName", "ipFilterRules[3].filterName");
        assertThat(errors.get("ipFilterRules[1].filterName")).contains("Rule 1");
    }

    @Test
    void moreRulesThanTheLimitIsAnErrorOfTheList() {
        List<IpFilterRule> rules = IntStream.range(0, 101).mapToObj(i -> rule("r" + i, ACCEPT, "10.0.0." + (i % 256), ALL)).toList();

        assertThat(IpFilterRules.errors(rules, 100)).containsKey("ipFilterRules");
        assertThat(IpFilterRules.errors(rules.subList(0, 100), 100)).isEmpty();
    }

    @Test
    void anAcceptFullyShadowedByAnEarlierRejectIsWarnedAbout() {
        var warnings = IpFilterRules.warnings(List.of(rule("block-all", REJECT, "0.0.0.0/0", ALL), rule("corp", ACCEPT, "10.0.0.0/8", DEVICE_API)));

        assertThat(warnings).singleElement().asString().contains("Rule 2 \"corp\" never applies").contains("rule 1 \"block-all\"")
                .contains("opposite");
    }

    @Test
    void partlyOverlappingRulesAndRulesForOtherEndpointsAreNotWarnedAbout() {
        var warnings = IpFilterRules.warnings(List.of(rule("one", ACCEPT, "10.1.2.3", ALL), rule("net", REJECT, "10.0.0.0/8", ALL),
                rule("devices", REJECT, "172.16.0.0/12", DEVICE_API), rule("apps", ACCEPT, "172.16.0.0/16", SERVICE_API)));

        assertThat(warnings).isEmpty();
    }

    @Test
    void aRedundantRuleWithTheSameActionIsWarnedAbout() {
        var warnings = IpFilterRules.warnings(List.of(rule("corp", ACCEPT, "10.0.0.0/8", ALL), rule("team", ACCEPT, "10.5.0.0/16", SERVICE_API)));

        assertThat(warnings).singleElement().asString().contains("already accepts all of 10.5.0.0/16.");
    }
}
