package io.localdps.serviceapi;

import io.localdps.common.QueryCondition;
import io.localdps.common.QueryCondition.All;
import io.localdps.common.QueryCondition.Any;
import io.localdps.common.QueryCondition.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query grammar of service-api.md §6, without HTTP. */
class ServiceQueryTest {

    @Test
    void aPlainSelectHasTheCollectionAndNoCondition() {
        ServiceQuery query = ServiceQuery.parse("SELECT * FROM enrollments");

        assertThat(query.collection()).isEqualTo("enrollments");
        assertThat(query.where()).isNull();
    }

    @Test
    void keywordsIgnoreCaseAndWhitespaceIsFree() {
        ServiceQuery query = ServiceQuery.parse("  select\t*  from enrollmentGroups   wHeRe provisioningStatus='disabled' ");

        assertThat(query.requireCollection("enrollmentgroups").where())
                .isEqualTo(new Comparison("provisioningStatus", true, "disabled"));
    }

    @Test
    void stringsTakeEitherQuoteAndADoubledQuoteStandsForOne() {
        assertThat(ServiceQuery.parse("SELECT * FROM enrollments WHERE deviceId = \"it's\"").where())
                .isEqualTo(new Comparison("deviceId", true, "it's"));
        assertThat(ServiceQuery.parse("SELECT * FROM enrollments WHERE deviceId = 'it''s'").where())
                .isEqualTo(new Comparison("deviceId", true, "it's"));
    }

    @Test
    void notEqualIsWrittenEitherWay() {
        assertThat(ServiceQuery.parse("SELECT * FROM enrollments WHERE attestation.type != 'tpm'").where())
                .isEqualTo(new Comparison("attestation.type", false, "tpm"));
        assertThat(ServiceQuery.parse("SELECT * FROM enrollments WHERE attestation.type <> 'tpm'").where())
                .isEqualTo(new Comparison("attestation.type", false, "tpm"));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt() {
        Comparison a = new Comparison("a", true, "1");
        Comparison b = new Comparison("b", true, "2");
        Comparison c = new Comparison("c", false, "3");

        assertThat(ServiceQuery.parse("SELECT * FROM x WHERE a = '1' OR b = '2' and c != '3'").where())
                .isEqualTo(new Any(List.<QueryCondition>of(a, new All(List.of(b, c)))));
        assertThat(ServiceQuery.parse("SELECT * FROM x WHERE (a = '1' OR b = '2') AND c != '3'").where())
                .isEqualTo(new All(List.<QueryCondition>of(new Any(List.of(a, b)), c)));
    }

    @Test
    void unquotedNumbersAndBooleansAreValues() {
        assertThat(ServiceQuery.parse("SELECT * FROM x WHERE capabilities = TRUE OR n = 42").where())
                .isEqualTo(new Any(List.of(new Comparison("capabilities", true, "true"), new Comparison("n", true, "42"))));
    }

    @Test
    void aQueryForAnotherCollectionIsRefused() {
        assertThatThrownBy(() -> ServiceQuery.parse("SELECT * FROM enrollmentGroups").requireCollection("enrollments"))
                .isInstanceOf(ServiceApiException.class).hasMessageContaining("enrollments, not enrollmentGroups");
    }

    @Test
    void aCollectionMayBeAcceptedUnderAnotherSpelling() {
        assertThat(ServiceQuery.parse("select * from DEVICEREGISTRATIONS").requireCollection("registrations", "deviceRegistrations")
                .collection()).isEqualTo("DEVICEREGISTRATIONS");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "SELECT", "SELECT deviceId FROM enrollments", "DELETE FROM enrollments", "SELECT * enrollments",
            "SELECT * FROM enrollments WHERE", "SELECT * FROM enrollments WHERE deviceId", "SELECT * FROM enrollments WHERE deviceId =",
            "SELECT * FROM enrollments WHERE deviceId > 'a'", "SELECT * FROM enrollments WHERE deviceId LIKE 'a%'",
            "SELECT * FROM enrollments WHERE deviceId = 'open", "SELECT * FROM enrollments WHERE deviceId = other",
            "SELECT * FROM enrollments WHERE (deviceId = 'a'", "SELECT * FROM enrollments ORDER BY deviceId",
            "SELECT * FROM enrollments WHERE deviceId = 'a' AND", "SELECT * FROM enrollments; DROP TABLE x"})
    void anythingOutsideTheGrammarIsABadRequestThatSaysWhy(String text) {
        assertThatThrownBy(() -> ServiceQuery.parse(text))
                .isInstanceOf(ServiceApiException.class)
                .satisfies(e -> assertThat(((ServiceApiException) e).status().value()).isEqualTo(400))
                .hasMessageMatching("(?s).*(query|Invalid query).*");
    }
}
