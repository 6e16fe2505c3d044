package io.localdps.enrollment;

import io.localdps.common.InvalidInputException;
import io.localdps.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every enrollment setting survives the database, and the cross-field rules that need linked hubs. */
abstract class EnrollmentSettingsPersistenceTest extends EnrollmentServiceTestBase {

    private static final String TAGS = "{\"site\":\"plant-a\",\"line\":3,\"ratio\":0.25,\"on\":true,\"none\":null,"
            + "\"location\":{\"hall\":\"B\",\"floor\":-1,\"big\":4503599627370495},\"zones\":[1,\"two\",{\"three\":3}],"
            + "\"name\":\"Ünïcödé ✓ \\\"quoted\\\"\"}";
    private static final String DESIRED = "{\"telemetryIntervalSec\":30,\"thresholds\":{\"temperature\":{\"max\":85.5}}}";

    @Test
    void noReprovisionPolicyStaysAbsentRatherThanBecomingADefault() {
        createIndividual("dev-1", TestSettings.settings().reprovision(null).build());
        createGroup("group-1", TestSettings.settings().reprovision(null).build());

        assertThat(individuals.get("dev-1").settings().reprovisionPolicy()).isNull();
        assertThat(groups.get("group-1").settings().reprovisionPolicy()).isNull();
    }

    @ParameterizedTest(name = "updateHubAssignment={0}, migrateDeviceData={1}")
    @CsvSource({"true, true", "true, false", "false, false"})
    void eachReprovisionPolicyIsStored(boolean updateHubAssignment, boolean migrateDeviceData) {
        ReprovisionPolicy policy = new ReprovisionPolicy(updateHubAssignment, migrateDeviceData);

        createIndividual("dev-1", TestSettings.settings().reprovision(policy).build());

        assertThat(individuals.get("dev-1").settings().reprovisionPolicy()).isEqualTo(policy);
    }

    @Test
    void theApiOnlyFieldsSurviveTheDatabaseAndAConsoleEditAndAReplaceWithoutThemClearsThem() {
        EnrollmentExtras extras = new EnrollmentExtras(
                new EnrollmentExtras.DeviceInformation(Json.parseObject(TAGS).object()),
                new EnrollmentExtras.ClientCertificateIssuancePolicy("issuing-ca"));
        individuals.create("dev-1", null, TestAttestations.generatedKeys(), TestSettings.defaults(), extras);
        groups.create("group-1", TestAttestations.generatedKeys(), TestSettings.defaults(),
                new EnrollmentExtras(null, extras.clientCertificateIssuancePolicy()));
        IndividualEnrollment stored = individuals.get("dev-1");
        individuals.update("dev-1", stored.version(), "edited", stored.settings());

        assertThat(individuals.get("dev-1").extras()).isEqualTo(extras);
        assertThat(Json.write(individuals.get("dev-1").extras().deviceInformation().orElseThrow())).isEqualTo(Json.write(
                Json.parseObject(TAGS).object()));
        assertThat(groups.get("group-1").extras().clientCertificateIssuancePolicy().certificateAuthorityName())
                .isEqualTo("issuing-ca");

        individuals.createOrReplace("dev-1", null, null, TestAttestations.generatedKeys(), TestSettings.defaults());
        assertThat(individuals.get("dev-1").extras()).isEqualTo(EnrollmentExtras.none());
    }

    @Test
    void aStoredReprovisionPolicyMissingAMemberReadsItAsTrue() {
        assertThat(Json.read("{\"migrateDeviceData\":false}", ReprovisionPolicy.class)).isEqualTo(ReprovisionPolicy.RESET);
        assertThat(Json.read("{\"updateHubAssignment\":false}", ReprovisionPolicy.class)).isEqualTo(ReprovisionPolicy.NEVER);
        assertThat(Json.read("{}", ReprovisionPolicy.class)).isEqualTo(ReprovisionPolicy.MIGRATE);
    }

    @Test
    void noAllocationPolicyStaysAbsentToFollowTheInstanceDefault() {
        createIndividual("dev-1", TestSettings.settings().allocation(null).build());

        assertThat(individuals.get("dev-1").settings().allocationPolicy()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = AllocationPolicy.class, names = {"HASHED", "GEO_LATENCY", "STATIC"})
    void eachAllocationPolicyIsStoredWithItsTargetHub(AllocationPolicy policy) {
        link(HUB_A, HUB_B);

        createGroup("group-1", TestSettings.settings().allocation(policy).hubs(HUB_B).build());

        EnrollmentSettings stored = groups.get("group-1").settings();
        assertThat(stored.allocationPolicy()).isEqualTo(policy);
        assertThat(stored.iotHubs().hostNames()).containsExactly(HUB_B);
        assertThat(stored.customAllocation()).isNull();
    }

    @Test
    void aCustomPolicyKeepsItsWebhookTrimmed() {
        createIndividual("dev-1", TestSettings.settings()
                .webhook(" https://alloc.example.com/api/allocate?code=s3cr3t ", " 2021-10-01 ").build());

        EnrollmentSettings stored = individuals.get("dev-1").settings();
        assertThat(stored.allocationPolicy()).isEqualTo(AllocationPolicy.CUSTOM);
        assertThat(stored.customAllocation()).isEqualTo(
                new CustomAllocationDefinition("https://alloc.example.com/api/allocate?code=s3cr3t", "2021-10-01"));
    }

    @Test
    void aWebhookIsDroppedWhenThePolicyIsNotCustom() {
        createIndividual("dev-1", TestSettings.settings().allocation(AllocationPolicy.HASHED)
                .webhookOnly("https://alloc.example.com/api", "2021-10-01").build());

        assertThat(individuals.get("dev-1").settings().customAllocation()).isNull();
    }

    @Test
    void targetHubsAreStoredLowerCaseAndSortedAndNoneMeansAllLinkedHubs() {
        link(HUB_A, HUB_B);

        createIndividual("dev-1", TestSettings.settings().hubs("HUB-B.azure-devices.net", HUB_A).build());
        createIndividual("dev-2", TestSettings.settings().hubs().build());

        assertThat(individuals.get("dev-1").settings().iotHubs().hostNames()).containsExactly(HUB_A, HUB_B);
        assertThat(individuals.get("dev-2").settings().iotHubs().followsAllLinkedHubs()).isTrue();
    }

    @Test
    void statusAndIotEdgeAreStored() {
        createIndividual("dev-1", TestSettings.settings().status(ProvisioningStatus.DISABLED).iotEdge(true).build());
        createGroup("group-1", TestSettings.settings().iotEdge(false).build());

        assertThat(individuals.get("dev-1").settings().provisioningStatus()).isEqualTo(ProvisioningStatus.DISABLED);
        assertThat(individuals.get("dev-1").settings().iotEdge()).isTrue();
        assertThat(groups.get("group-1").settings().enabled()).isTrue();
        assertThat(groups.get("group-1").settings().iotEdge()).isFalse();
    }

    @Test
    void theInitialTwinComesBackExactlyAsGiven() {
        createIndividual("dev-1", TestSettings.settings().tags(TAGS).desired(DESIRED).build());
        createGroup("group-1", TestSettings.settings().tags(TAGS).desired(DESIRED).build());

        for (InitialTwin twin : List.of(individuals.get("dev-1").settings().initialTwin(),
                groups.get("group-1").settings().initialTwin())) {
            assertThat(Json.write(twin.tags())).isEqualTo(TAGS);
            assertThat(Json.write(twin.desiredProperties())).isEqualTo(DESIRED);
            assertThat(twin.tags()).isEqualTo(Json.parseObject(TAGS).object());
        }
    }

    @Test
    void anEmptyInitialTwinStaysEmpty() {
        createIndividual("dev-1");

        assertThat(individuals.get("dev-1").settings().initialTwin().isEmpty()).isTrue();
    }

    @Test
    void aStaticPolicyWithTwoHubsIsRefusedAndNothingIsSaved() {
        link(HUB_A, HUB_B);
        EnrollmentSettings twoHubs = TestSettings.settings().allocation(AllocationPolicy.STATIC).hubs(HUB_A, HUB_B).build();

        assertRefused(() -> createIndividual("dev-1", twoHubs), SettingsValidator.IOT_HUBS, "exactly one IoT hub");
        assertRefused(() -> createGroup("group-1", twoHubs), SettingsValidator.IOT_HUBS, "exactly one IoT hub");
        assertThat(individuals.count() + groups.count()).isZero();
    }

    @Test
    void aHubThatIsNotLinkedIsRefusedAndNothingIsSaved() {
        link(HUB_A);
        EnrollmentSettings unlinked = TestSettings.settings().hubs(HUB_A, HUB_B).build();

        assertRefused(() -> createIndividual("dev-1", unlinked), SettingsValidator.IOT_HUBS, HUB_B + " is not a linked IoT hub");
        assertRefused(() -> createGroup("group-1", unlinked), SettingsValidator.IOT_HUBS, HUB_B + " is not a linked IoT hub");
        assertThat(individuals.count() + groups.count()).isZero();
    }

    @Test
    void aCustomPolicyWithoutWebhookIsRefused() {
        EnrollmentSettings custom = TestSettings.settings().allocation(AllocationPolicy.CUSTOM).build();

        assertRefused(() -> createIndividual("dev-1", custom), SettingsValidator.WEBHOOK_URL, "webhook URL");
        assertThat(individuals.count()).isZero();
    }

    @Test
    void anInitialTwinBreakingTheTwinRulesIsRefused() {
        EnrollmentSettings dotted = TestSettings.settings().desired("{\"a.b\": 1}").build();

        assertRefused(() -> createGroup("group-1", dotted), SettingsValidator.DESIRED, "must not contain dots");
        assertThat(groups.count()).isZero();
    }

    private static void assertRefused(Runnable create, String field, String messagePart) {
        assertThatThrownBy(create::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors().get(field)).contains(messagePart));
    }
}
