package io.localdps.enrollment;

import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.testsupport.ServiceTest;
import io.localdps.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The enrollment services on a real database, emptied before every test. */
@ServiceTest
abstract class EnrollmentServiceTestBase {

    static final String HUB_A = "hub-a.azure-devices.net";
    static final String HUB_B = "hub-b.azure-devices.net";

    @Autowired
    IndividualEnrollmentService individuals;
    @Autowired
    EnrollmentGroupService groups;
    @Autowired
    LinkedHubService hubs;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startWithoutEnrollmentsOrHubs() {
        TestData.deleteEnrollmentsAndHubs(jdbc);
    }

    void link(String... hostNames) {
        for (String hostName : hostNames) {
            hubs.link(hostName, LinkedHubSettings.defaults());
        }
    }

    IndividualEnrollment createIndividual(String registrationId) {
        return individuals.create(registrationId, null, TestAttestations.generatedKeys(), TestSettings.defaults());
    }

    IndividualEnrollment createIndividual(String registrationId, EnrollmentSettings settings) {
        return individuals.create(registrationId, null, TestAttestations.generatedKeys(), settings);
    }

    EnrollmentGroup createGroup(String groupName) {
        return groups.create(groupName, TestAttestations.generatedKeys(), TestSettings.defaults());
    }

    EnrollmentGroup createGroup(String groupName, EnrollmentSettings settings) {
        return groups.create(groupName, TestAttestations.generatedKeys(), settings);
    }
}
