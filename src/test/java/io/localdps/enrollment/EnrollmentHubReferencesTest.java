package io.localdps.enrollment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which enrollments name a hub, as the hub page asks before unlinking it. */
abstract class EnrollmentHubReferencesTest extends EnrollmentServiceTestBase {

    private static final String SUFFIX_HUB = "x" + HUB_A;

    @Test
    void groupsAndIndividualEnrollmentsNamingTheHubAreListedGroupsFirst() {
        link(HUB_A, HUB_B);
        createGroup("group-a", TestSettings.settings().hubs(HUB_A).build());
        createGroup("group-b", TestSettings.settings().hubs(HUB_B).build());
        createIndividual("dev-ab", TestSettings.settings().hubs(HUB_A, HUB_B).build());
        createIndividual("dev-b", TestSettings.settings().hubs(HUB_B).build());

        assertThat(hubs.referencesTo(HUB_A, 10)).containsExactly("enrollment group group-a", "individual enrollment dev-ab");
        assertThat(hubs.referencesTo(HUB_B, 10)).containsExactly("enrollment group group-b",
                "individual enrollment dev-ab", "individual enrollment dev-b");
    }

    @Test
    void theHostNameIsComparedIgnoringCaseAndSurroundingSpace() {
        link(HUB_A);
        createIndividual("Dev-1", TestSettings.settings().hubs(HUB_A).build());

        assertThat(hubs.referencesTo("  HUB-A.Azure-Devices.NET ", 10)).containsExactly("individual enrollment Dev-1");
    }

    @Test
    void enrollmentsFollowingAllLinkedHubsDoNotNameAnyHub() {
        link(HUB_A);
        createGroup("group-all");
        createIndividual("dev-all");

        assertThat(hubs.referencesTo(HUB_A, 10)).isEmpty();
    }

    @Test
    void aHubWhoseNameEndsAnotherHubsNameIsNotConfusedWithIt() {
        link(HUB_A, SUFFIX_HUB);
        createIndividual("dev-x", TestSettings.settings().hubs(SUFFIX_HUB).build());

        assertThat(hubs.referencesTo(HUB_A, 10)).isEmpty();
        assertThat(hubs.referencesTo(SUFFIX_HUB, 10)).containsExactly("individual enrollment dev-x");
    }

    @Test
    void theListStopsAtTheLimit() {
        link(HUB_A);
        createGroup("group-1", TestSettings.settings().hubs(HUB_A).build());
        createGroup("group-2", TestSettings.settings().hubs(HUB_A).build());
        createIndividual("dev-1", TestSettings.settings().hubs(HUB_A).build());

        assertThat(hubs.referencesTo(HUB_A, 1)).containsExactly("enrollment group group-1");
        assertThat(hubs.referencesTo(HUB_A, 3)).hasSize(3);
    }

    @Test
    void deletedEnrollmentsNoLongerReferToTheHub() {
        link(HUB_A);
        createIndividual("dev-1", TestSettings.settings().hubs(HUB_A).build());
        individuals.delete(java.util.List.of("dev-1"));

        assertThat(hubs.referencesTo(HUB_A, 10)).isEmpty();
    }
}
