package io.localdps.console.enrollment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.attestation.EndorsementKey;
import io.localdps.attestation.TestEndorsementKeys;
import io.localdps.certificate.TestCertificates;
import io.localdps.console.BrowserTest;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The add-individual-enrollment wizard, once per attestation mechanism. */
class IndividualEnrollmentWizardBrowserTest extends BrowserTest {

    private static final String OWN_PRIMARY = "qN4Vd4O2m3E9bM0+fJg1p2mX6yqQmJ8y3m1Z1c7KbJw=";
    private static final String OWN_SECONDARY = "Zy2a0a6mWm3e8r7JgQ2yHqv8l9sQz1sQ6yqwqN4Vd4M=";

    @Autowired
    IndividualEnrollmentService enrollments;

    @Test
    void anAdminEnrollsASymmetricKeyDeviceWithItsOwnKeys() {
        open("enrollments?tab=individual");
        button("Add individual enrollment").click();
        radio("Symmetric key").click();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Generate symmetric keys automatically")).uncheck();
        field("Primary key").fill(OWN_PRIMARY);
        field("Secondary key").fill(OWN_SECONDARY);
        field("Registration ID").fill("sensor-0042");
        field("IoT Hub Device ID").fill("plant-a-sensor-0042");
        screenshot("individual-wizard");
        createThroughRemainingTabs();

        assertHeading("sensor-0042");
        IndividualEnrollment saved = enrollments.get("sensor-0042");
        assertThat(saved.attestation().symmetricKey().primaryKey()).isEqualTo(OWN_PRIMARY);
        assertThat(saved.attestation().symmetricKey().secondaryKey()).isEqualTo(OWN_SECONDARY);
        assertThat(saved.effectiveDeviceId()).isEqualTo("plant-a-sensor-0042");
    }

    @Test
    void anAdminEnrollsAnX509DeviceByUploadingItsCertificateAndTheCommonNameBecomesTheRegistrationId() {
        TestCertificates.Issued device = TestCertificates.chain("x509-device-7").leaf();
        open("enrollments/individual/new");
        radio("X.509 client certificates").click();
        uploadCertificate("Primary certificate", "x509-device-7.pem", device.pem());
        assertThat(page.getByText("CN=x509-device-7")).isVisible();
        assertThat(field("Registration ID")).hasValue("x509-device-7");
        createThroughRemainingTabs();

        assertHeading("x509-device-7");
        IndividualEnrollment saved = enrollments.get("x509-device-7");
        assertThat(saved.attestationType()).isEqualTo(AttestationType.X509);
        assertThat(saved.attestation().x509().clientCertificates().primary().info().subjectName())
                .startsWith("CN=x509-device-7");
        assertThat(page.getByText("SHA-1 " + saved.attestation().x509().clientCertificates().primary().info().sha1Thumbprint()))
                .isVisible();
    }

    @Test
    void anAdminEnrollsATpmDeviceFromItsEndorsementKeyAndGetsTheSdkDefaultRegistrationId() {
        String ek = TestEndorsementKeys.rsa2048().base64();
        String expectedId = EndorsementKey.parse(ek).defaultRegistrationId();
        open("enrollments/individual/new");
        radio("TPM").click();
        field("Endorsement key").fill(ek);
        field("Endorsement key").blur();
        assertThat(field("Registration ID")).hasValue(expectedId);
        createThroughRemainingTabs();

        assertHeading(expectedId);
        IndividualEnrollment saved = enrollments.get(expectedId);
        assertThat(saved.attestationType()).isEqualTo(AttestationType.TPM);
        assertThat(EndorsementKey.parse(saved.attestation().tpm().endorsementKey())
                .sameKeyAs(EndorsementKey.parse(ek))).isTrue();
    }

    private void createThroughRemainingTabs() {
        button("Next: IoT hubs").click();
        button("Next: Device settings").click();
        button("Next: Review + create").click();
        button("Create").click();
    }

    private Locator radio(String name) {
        return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
