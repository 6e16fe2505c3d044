package io.localdps.enrollment;

import io.localdps.common.InvalidInputException;
import io.localdps.common.NotFoundException;
import io.localdps.common.StaleVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Editing with optimistic locking (the version is the ETag), and deleting. */
abstract class EnrollmentUpdateTest extends EnrollmentServiceTestBase {

    @Autowired
    IndividualEnrollmentRepository individualRepository;

    @Test
    void anUpdateChangesTheSettingsAndDeviceIdButKeepsTheCredentials() {
        IndividualEnrollment created = createIndividual("dev-1");

        individuals.update("DEV-1", created.version(), "plant-a-dev-1", disabled());

        IndividualEnrollment found = individuals.get("dev-1");
        assertThat(found.deviceId()).isEqualTo("plant-a-dev-1");
        assertThat(found.settings().enabled()).isFalse();
        assertThat(found.attestation()).isEqualTo(created.attestation());
    }

    @Test
    void theVersionAndEtagChangeOnEveryUpdate() {
        IndividualEnrollment v1 = createIndividual("dev-1");
        IndividualEnrollment v2 = individuals.update("dev-1", v1.version(), null, disabled());
        IndividualEnrollment v3 = individuals.update("dev-1", v2.version(), null, TestSettings.defaults());

        assertThat(List.of(v1.version(), v2.version(), v3.version())).doesNotHaveDuplicates();
        assertThat(List.of(v1.etag(), v2.etag(), v3.etag())).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(individuals.get("dev-1").etag()).isEqualTo(v3.etag());
    }

    @Test
    void aSecondSaveWithTheSameVersionIsRefusedAndTheFirstChangeSurvives() {
        long readVersion = createIndividual("dev-1").version();
        individuals.update("dev-1", readVersion, "first-editor", disabled());

        assertThatThrownBy(() -> individuals.update("dev-1", readVersion, "second-editor", TestSettings.defaults()))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("Someone else changed the enrollment dev-1");
        IndividualEnrollment found = individuals.get("dev-1");
        assertThat(found.deviceId()).isEqualTo("first-editor");
        assertThat(found.settings().enabled()).isFalse();
    }

    @Test
    void theDatabaseRefusesTheSecondOfTwoCopiesSavedAtTheSameVersion() {
        createIndividual("dev-1");
        IndividualEnrollment first = individualRepository.findByRegistrationKey("dev-1").orElseThrow();
        IndividualEnrollment second = individualRepository.findByRegistrationKey("dev-1").orElseThrow();
        first.update("first-editor", disabled(), first.created());
        second.update("second-editor", TestSettings.defaults(), second.created());
        individualRepository.save(first);

        assertThatThrownBy(() -> individualRepository.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(individuals.get("dev-1").deviceId()).isEqualTo("first-editor");
    }

    @Test
    void anInvalidUpdateIsRefusedAndChangesNothing() {
        IndividualEnrollment created = createIndividual("dev-1");

        assertThatThrownBy(() -> individuals.update("dev-1", created.version(), "dev/1", disabled()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(individuals.get("dev-1").version()).isEqualTo(created.version());
        assertThat(individuals.get("dev-1").settings().enabled()).isTrue();
    }

    @Test
    void updatingAnEnrollmentThatWasDeletedSaysItIsGone() {
        long version = createIndividual("dev-1").version();
        individuals.delete(List.of("dev-1"));

        assertThatThrownBy(() -> individuals.update("dev-1", version, null, disabled())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void groupsAreLockedTheSameWay() {
        EnrollmentGroup created = createGroup("group-1");
        EnrollmentGroup updated = groups.update("Group-1", created.version(), disabled());

        assertThatThrownBy(() -> groups.update("group-1", created.version(), TestSettings.defaults()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(updated.etag()).isNotEqualTo(created.etag());
        assertThat(groups.get("group-1").settings().enabled()).isFalse();
        assertThat(groups.get("group-1").attestation()).isEqualTo(created.attestation());
    }

    @Test
    void deletingIndividualEnrollmentsIgnoresCaseAndKeepsTheOthers() {
        createIndividual("dev-1");
        createIndividual("dev-2");
        createIndividual("dev-3");

        int deleted = individuals.delete(List.of("DEV-1", "dev-3", "nobody"));

        assertThat(deleted).isEqualTo(2);
        assertThat(individuals.count()).isEqualTo(1);
        assertThat(individuals.find("dev-2")).isPresent();
        assertThat(individuals.find("dev-1")).isEmpty();
    }

    @Test
    void deletingGroupsKeepsTheOthersAndTheIndividualEnrollments() {
        createGroup("group-1");
        createGroup("group-2");
        createIndividual("group-1");

        assertThat(groups.delete(List.of("GROUP-1"))).isEqualTo(1);
        assertThat(groups.find("group-2")).isPresent();
        assertThat(groups.find("group-1")).isEmpty();
        assertThat(individuals.find("group-1")).isPresent();
        assertThat(groups.delete(List.of("group-1"))).isZero();
    }

    private static EnrollmentSettings disabled() {
        return TestSettings.settings().status(ProvisioningStatus.DISABLED).build();
    }
}
