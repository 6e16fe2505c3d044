package io.localdps.enrollment;

import io.localdps.common.InvalidInputException;
import io.localdps.common.PageRequest;
import io.localdps.common.QueryCondition;
import io.localdps.common.QueryCondition.Comparison;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lazy grids' pages: filters, sort order, offset and limit, and counts. IDs are chosen so the
 * expected order is the same under byte-wise and linguistic collations.
 */
abstract class EnrollmentPagingTest extends EnrollmentServiceTestBase {

    private static final List<String> ALL_IN_ORDER = List.of("alpha-1", "Alpha-2", "beta-1", "beta_2", "delta:1", "gamma-1");
    private static final EnrollmentSettings DISABLED = TestSettings.settings().status(ProvisioningStatus.DISABLED).build();

    @BeforeEach
    void createEnrollmentsOfEveryKind() {
        individuals.create("gamma-1", null, TestAttestations.clientCertificateFor("gamma-1"), TestSettings.defaults());
        individuals.create("beta_2", null, TestAttestations.tpm(), DISABLED);
        createIndividual("alpha-1");
        individuals.create("beta-1", null, TestAttestations.tpm(), TestSettings.defaults());
        createIndividual("Alpha-2", DISABLED);
        createIndividual("delta:1");
    }

    @Test
    void withoutFilterAllComeSortedByRegistrationIdIgnoringCase() {
        assertThat(ids(EnrollmentFilter.none(), PageRequest.first(50))).isEqualTo(ALL_IN_ORDER);
        assertThat(individuals.count(EnrollmentFilter.none())).isEqualTo(6);
    }

    @Test
    void sortingByRegistrationIdDescendingReversesTheOrder() {
        assertThat(ids(EnrollmentFilter.none(), new PageRequest(0, 50, "registrationId", false)))
                .isEqualTo(ALL_IN_ORDER.reversed());
    }

    @Test
    void offsetAndLimitCutOutOnePage() {
        assertThat(ids(EnrollmentFilter.none(), new PageRequest(2, 2, "registrationId", true)))
                .containsExactly("beta-1", "beta_2");
        assertThat(ids(EnrollmentFilter.none(), new PageRequest(2, 2, "registrationId", false)))
                .containsExactly("beta_2", "beta-1");
        assertThat(ids(EnrollmentFilter.none(), new PageRequest(5, 10, "registrationId", true))).containsExactly("gamma-1");
        assertThat(ids(EnrollmentFilter.none(), new PageRequest(6, 10, "registrationId", true))).isEmpty();
    }

    @Test
    void theIdFilterMatchesAnyPartIgnoringCase() {
        EnrollmentFilter alpha = new EnrollmentFilter("ALPHA", null, null);
        EnrollmentFilter dashOne = new EnrollmentFilter(" -1 ", null, null);

        assertThat(ids(alpha, PageRequest.first(50))).containsExactly("alpha-1", "Alpha-2");
        assertThat(individuals.count(alpha)).isEqualTo(2);
        assertThat(ids(dashOne, PageRequest.first(50))).containsExactly("alpha-1", "beta-1", "gamma-1");
    }

    @Test
    void likeWildcardsInTheIdFilterAreMatchedLiterally() {
        assertThat(ids(new EnrollmentFilter("_", null, null), PageRequest.first(50))).containsExactly("beta_2");
        assertThat(ids(new EnrollmentFilter("%", null, null), PageRequest.first(50))).isEmpty();
        assertThat(individuals.count(new EnrollmentFilter("a_", null, null))).isEqualTo(1);
    }

    @Test
    void theAttestationTypeFilterKeepsOnlyThatType() {
        assertThat(ids(new EnrollmentFilter(null, AttestationType.TPM, null), PageRequest.first(50)))
                .containsExactly("beta-1", "beta_2");
        assertThat(ids(new EnrollmentFilter(null, AttestationType.X509, null), PageRequest.first(50)))
                .containsExactly("gamma-1");
        assertThat(individuals.count(new EnrollmentFilter(null, AttestationType.SYMMETRIC_KEY, null))).isEqualTo(3);
    }

    @Test
    void theStatusFilterKeepsOnlyThatStatus() {
        assertThat(ids(new EnrollmentFilter(null, null, ProvisioningStatus.DISABLED), PageRequest.first(50)))
                .containsExactly("Alpha-2", "beta_2");
        assertThat(individuals.count(new EnrollmentFilter(null, null, ProvisioningStatus.ENABLED))).isEqualTo(4);
    }

    @Test
    void filtersCombine() {
        EnrollmentFilter filter = new EnrollmentFilter("beta", AttestationType.TPM, ProvisioningStatus.DISABLED);

        assertThat(ids(filter, PageRequest.first(50))).containsExactly("beta_2");
        assertThat(individuals.count(filter)).isEqualTo(1);
        assertThat(individuals.count(new EnrollmentFilter("alpha", AttestationType.TPM, null))).isZero();
    }

    @Test
    void aServiceApiQueryConditionIsAppliedByTheDatabaseWithAndOrAndNotEqual() {
        QueryCondition disabledTpmOrAlphaOne = new QueryCondition.Any(List.of(
                new QueryCondition.All(List.of(new Comparison("provisioningStatus", true, "disabled"),
                        new Comparison("attestation.type", true, "tpm"))),
                new Comparison("registrationId", true, "ALPHA-1")));

        assertThat(ids(EnrollmentFilter.where(disabledTpmOrAlphaOne), PageRequest.first(50))).containsExactly("alpha-1", "beta_2");
        assertThat(ids(EnrollmentFilter.where(new Comparison("attestation.type", false, "symmetricKey")), PageRequest.first(50)))
                .containsExactly("beta-1", "beta_2", "gamma-1");
        assertThat(individuals.count(EnrollmentFilter.where(new Comparison("provisioningStatus", true, "sleeping")))).isZero();
    }

    @Test
    void aQueryOnAPropertyThatIsNotQueryableNamesTheOnesThatAre() {
        assertThatThrownBy(() -> individuals.page(EnrollmentFilter.where(new Comparison("attestation", true, "x")),
                PageRequest.first(5)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("attestation.type");
    }

    @Test
    void sortingByAnotherColumnBreaksTiesByRegistrationId() {
        assertThat(ids(EnrollmentFilter.none(), new PageRequest(0, 50, "attestationType", true)))
                .containsExactly("alpha-1", "Alpha-2", "delta:1", "beta-1", "beta_2", "gamma-1");
    }

    @Test
    void anUnknownSortColumnFallsBackToTheRegistrationId() {
        assertThat(ids(EnrollmentFilter.none(), new PageRequest(0, 50, "id; DROP TABLE individual_enrollment", true)))
                .isEqualTo(ALL_IN_ORDER);
    }

    @Test
    void groupsArePagedTheSameWayByGroupName() {
        createGroup("line-2");
        createGroup("Line-1", DISABLED);
        createGroup("other");

        assertThat(groups.page(new EnrollmentFilter("LINE", null, null), new PageRequest(0, 10, "enrollmentGroupId", false)))
                .extracting(EnrollmentGroup::enrollmentGroupId).containsExactly("line-2", "Line-1");
        assertThat(groups.count(new EnrollmentFilter(null, null, ProvisioningStatus.DISABLED))).isEqualTo(1);
        assertThat(groups.page(EnrollmentFilter.none(), new PageRequest(1, 1, null, true)))
                .extracting(EnrollmentGroup::enrollmentGroupId).containsExactly("line-2");
    }

    private List<String> ids(EnrollmentFilter filter, PageRequest page) {
        return individuals.page(filter, page).stream().map(IndividualEnrollment::registrationId).toList();
    }
}
