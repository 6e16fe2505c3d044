package io.localdps.enrollment;

import io.localdps.certificate.TestCertificates;
import io.localdps.common.LimitExceededException;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quotas of behaviour.md §10 are configurable as dps.limits.*; this context lowers two of them. */
@TestPropertySource(properties = {"dps.limits.symmetric-key-groups=2", "dps.limits.individual-enrollments=3"})
abstract class EnrollmentQuotaTest extends EnrollmentServiceTestBase {

    @Test
    void aThirdSymmetricKeyGroupIsRefusedAndNotSaved() {
        createGroup("group-1");
        createGroup("group-2");

        assertThatThrownBy(() -> createGroup("group-3"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("maximum of 2 Symmetric key enrollment groups");
        assertThat(groups.count()).isEqualTo(2);
        assertThat(groups.find("group-3")).isEmpty();
    }

    @Test
    void x509GroupsHaveTheirOwnQuota() {
        createGroup("group-1");
        createGroup("group-2");

        groups.create("x509-group", TestAttestations.signingCertificate(TestCertificates.rootCa("Root").pem()),
                TestSettings.defaults());

        assertThat(groups.count()).isEqualTo(3);
    }

    @Test
    void deletingAGroupFreesItsPlace() {
        createGroup("group-1");
        createGroup("group-2");
        groups.delete(java.util.List.of("group-1"));

        createGroup("group-3");

        assertThat(groups.count()).isEqualTo(2);
    }

    @Test
    void individualEnrollmentsStopAtTheirLimit() {
        createIndividual("dev-1");
        createIndividual("dev-2");
        createIndividual("dev-3");

        assertThatThrownBy(() -> createIndividual("dev-4")).isInstanceOf(LimitExceededException.class);
        assertThat(individuals.count()).isEqualTo(3);
    }
}
