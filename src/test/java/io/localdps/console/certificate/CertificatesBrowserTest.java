package io.localdps.console.certificate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.certificate.CaCertificateService;
import io.localdps.certificate.TestCertificates;
import io.localdps.certificate.TestCertificates.Issued;
import io.localdps.console.BrowserTest;
import io.localdps.enrollment.EnrollmentGroupService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole proof-of-possession ceremony in the console, and a group created on the verified CA. */
class CertificatesBrowserTest extends BrowserTest {

    @Autowired
    CaCertificateService certificates;
    @Autowired
    EnrollmentGroupService groups;

    @Test
    void anAdminUploadsACaProvesPossessionAndCreatesAGroupOnIt() {
        Issued root = TestCertificates.rootCa("Ceremony Root CA");

        open("certificates");
        button("Add").click();
        field("Certificate name").fill("bad name!");
        uploadCertificate("Certificate .pem or .cer file", "root.pem", root.pem());
        assertThat(page.getByText("root.pem: CN=Ceremony Root CA")).isVisible();
        button("Save").click();
        assertThat(page.getByText("A certificate name can contain only letters")).isVisible();
        field("Certificate name").fill("ceremony-root");
        button("Save").click();

        // Saving opens the new certificate's details.
        assertThat(page).hasURL(Pattern.compile(".*/certificates/ceremony-root"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName("ceremony-root").setExact(true))).isVisible();
        assertThat(page.getByText("Unverified").first()).isVisible();
        button("Generate verification code").click();
        assertThat(field("Verification code")).hasValue(Pattern.compile("[0-9A-F]{48}"));
        String code = field("Verification code").inputValue();

        // A certificate for another code is refused with the reason at the field.
        uploadCertificate("Verification certificate", "wrong.pem",
                TestCertificates.certificate("NOT-THE-CODE").signedBy(root).build().pem());
        button("Verify").click();
        assertThat(page.getByText("current verification code is " + code)).isVisible();

        open("certificates/ceremony-root"); // the pending code survives a reload
        assertThat(field("Verification code")).hasValue(code);
        uploadCertificate("Verification certificate", "verification.pem",
                TestCertificates.certificate(code).signedBy(root).build().pem());
        button("Verify").click();
        assertNotification("is verified");
        assertThat(page.getByText("Generate verification code")).not().isVisible();
        assertThat(page.locator("dd").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Verified")))
                .isVisible();
        screenshot("certificate-verified");
        assertThat(certificates.get("ceremony-root").verified()).isTrue();

        open("certificates");
        assertThat(page.locator("#certificates-grid")).containsText("ceremony-root");
        assertThat(page.locator("#certificates-grid")).containsText("Verified");
        screenshot("certificates");

        open("enrollments/groups/new");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions()
                .setName("X.509 certificates uploaded to this Device Provisioning Service").setExact(true)).click();
        field("Primary certificate").fill("ceremony-root");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("ceremony-root")).click();
        field("Group name").fill("ceremony-devices");
        button("Next: IoT hubs").click();
        button("Next: Device settings").click();
        button("Next: Review + create").click();
        button("Create").click();

        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName("ceremony-devices").setExact(true))).isVisible();
        assertThat(groups.get("ceremony-devices").attestation().x509().caReferences().primary()).isEqualTo("ceremony-root");

        // The certificate the group stands on cannot be deleted.
        open("certificates/ceremony-root");
        button("Delete").click();
        assertThat(page.getByText("enrollment group ceremony-devices")).isVisible();
        assertThat(certificates.exists("ceremony-root")).isTrue();
    }
}
