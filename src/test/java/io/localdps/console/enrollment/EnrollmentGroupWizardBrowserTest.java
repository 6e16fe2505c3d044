package io.localdps.console.enrollment;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.certificate.TestCertificates;
import io.localdps.console.BrowserTest;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentGroupWizardBrowserTest extends BrowserTest {

    @Autowired
    LinkedHubService hubs;
    @Autowired
    EnrollmentGroupService groups;

    @BeforeEach
    void linkTwoHubs() {
        for (String host : new String[]{"wizard-east.azure-devices.net", "wizard-west.azure-devices.net"}) {
            if (!hubs.isLinked(host)) {
                hubs.link(host, LinkedHubSettings.defaults());
            }
        }
    }

    @Test
    void anAdminCreatesASymmetricKeyGroupThroughAllFourTabs() {
        open("enrollments");
        button("Add enrollment group").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/enrollments/groups/new"));

        radio("Symmetric key").click();
        field("Group name").fill("line3-devices");
        radio("Reprovision device and reset to initial config").click();
        screenshot("group-wizard-registration");
        button("Next: IoT hubs").click();

        radio("Static configuration").click();
        button("Next: Device settings").click();
        assertThat(page.locator("vaadin-multi-select-combo-box[invalid]")).isVisible();

        clearHubSelection();
        page.getByLabel("Target IoT hubs").fill("wizard-west.azure-devices.net");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("wizard-west.azure-devices.net")).click();
        page.keyboard().press("Escape");
        button("Next: Device settings").click();

        page.getByLabel("Enable IoT Edge on provisioned devices").check();
        field("Device tags").fill("{\"site\": \"plant-a\", \"line\": 3}");
        field("Desired properties").fill("{\"telemetryIntervalSec\": 30}");
        button("Next: Review + create").click();

        assertThat(page.locator("#review")).containsText("line3-devices");
        assertThat(page.locator("#review")).containsText("Static configuration");
        assertThat(page.locator("#review")).containsText("wizard-west.azure-devices.net");
        assertThat(page.locator("#review")).containsText("plant-a");
        screenshot("group-wizard-review");
        button("Create").click();

        assertHeading("line3-devices");
        EnrollmentGroup saved = groups.get("line3-devices");
        assertThat(saved.settings().allocationPolicy()).isEqualTo(AllocationPolicy.STATIC);
        assertThat(saved.settings().iotHubs().hostNames()).containsExactly("wizard-west.azure-devices.net");
        assertThat(saved.settings().iotEdge()).isTrue();
        assertThat(saved.settings().initialTwin().tags().get("site").asString()).isEqualTo("plant-a");
        assertThat(saved.attestation().symmetricKey().primaryKey()).hasSize(88);
        // keys are masked until revealed
        String primaryKey = saved.attestation().symmetricKey().primaryKey();
        assertThat(field("Primary key")).not().hasValue(primaryKey);
        screenshot("group-details");
        button("Show primary key").click();
        assertThat(field("Primary key")).hasValue(primaryKey);
    }

    @Test
    void anAdminCreatesAnX509GroupByUploadingTheIntermediateCertificatePem() {
        TestCertificates.Chain chain = TestCertificates.chain("group-device-1");
        open("enrollments/groups/new");
        radio("X.509 intermediate certificates").click();
        uploadCertificate("Primary certificate", "intermediate.pem", chain.intermediate().pem());
        assertThat(page.getByText("CN=LocalDPS Test Intermediate CA")).isVisible();
        uploadCertificate("Secondary certificate", "root.cer", chain.root().base64Der());
        assertThat(page.getByText("root.cer: CN=LocalDPS Test Root CA")).isVisible();
        field("Group name").fill("x509-intermediates");
        button("Next: IoT hubs").click();
        button("Next: Device settings").click();
        button("Next: Review + create").click();
        assertThat(page.locator("#review")).containsText("X.509 intermediate certificates");
        button("Create").click();

        assertHeading("x509-intermediates");
        EnrollmentGroup saved = groups.get("x509-intermediates");
        var signing = saved.attestation().x509().signingCertificates();
        assertThat(signing.primary().info().subjectName()).startsWith("CN=LocalDPS Test Intermediate CA");
        assertThat(signing.secondary().info().subjectName()).startsWith("CN=LocalDPS Test Root CA");
        screenshot("x509-group-details");
    }

    private void clearHubSelection() {
        page.locator("vaadin-multi-select-combo-box [part~='clear-button']").click();
    }

    private com.microsoft.playwright.Locator radio(String name) {
        return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
