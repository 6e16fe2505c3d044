package io.localdps.console.lab;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.certificate.CaCertificateService;
import io.localdps.console.BrowserTest;
import io.localdps.tls.Pem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The lab in the console: a root CA into the store, a device certificate under it, and its files. */
class CertificateLabBrowserTest extends BrowserTest {

    private static final String P12_PASSWORD = "lab-browser-pw";

    @Autowired
    CaCertificateService store;
    @Autowired
    io.localdps.lab.LabCertificateService lab;

    @Test
    void anUploadedCaWhoseKeyTheLabHoldsIsProvenFromTheVerifyDialogWithItsVerificationFileOnOffer() throws Exception {
        var labRoot = lab.createRootCa("Dialog Lab Root", io.localdps.lab.KeyAlgorithm.EC_P256, 365);
        var uploaded = store.add("dialog-lab-root", labRoot.certificatePem(), false);
        String code = store.generateVerificationCode("dialog-lab-root", uploaded.version()).verificationCode();
        open("certificate-lab");

        button("Verify a store CA").click();
        assertHeading("Verify a store CA with the lab's key");
        button("Verify now").click();
        assertFieldError("Choose the store CA to verify.");
        field("Unverified store CA").fill("dialog-lab-root");
        page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("dialog-lab-root")).first().click();

        Download verification = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Verification certificate for code " + code + " (PEM)")).click());
        X509Certificate proof = Pem.readCertificates(Files.readString(verification.path())).getFirst();
        assertThat(proof.getSubjectX500Principal().getName()).isEqualTo("CN=" + code);
        proof.verify(Pem.readCertificates(labRoot.certificatePem()).getFirst().getPublicKey());
        assertThat(store.get("dialog-lab-root").verified()).as("a download proves nothing yet").isFalse();
        screenshot("lab-verify-store-ca");

        button("Verify now").click();
        assertNotification("Verified dialog-lab-root");
        assertThat(store.get("dialog-lab-root").verified()).isTrue();
        button("Verify a store CA").click();
        field("Unverified store CA").fill("dialog-lab-root");
        waitForVaadin(page);
        assertThat(page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("dialog-lab-root").setVisible(true))).hasCount(0);
    }

    @Test
    void anAdminGeneratesARootCaAddsItToTheStoreAndDownloadsADeviceCertificate() throws Exception {
        open("certificate-lab");
        button("New root CA").click();
        field("CA name").fill("Browser Lab Root");
        field("Validity (days)").fill("0");
        button("Generate").click();
        assertFieldError("The validity must be between 1 and");
        field("Validity (days)").fill("3650");
        button("Generate").click();

        // The new certificate opens at once, with the store section of a CA.
        assertThat(page.locator("#lab-certificate-facts")).containsText("Root CA");
        assertThat(page.getByText("verified on upload: the lab generated")).isVisible();
        field("Name in the certificate store").fill("browser-lab-root");
        button("Add to the DPS certificate store").click();
        assertNotification("Added browser-lab-root to the certificate store as verified");
        assertThat(store.get("browser-lab-root").verified()).isTrue();
        button("Close").click();

        button("New device certificate").click();
        field("Registration ID").fill("bad id!");
        assertFieldError("The registration ID may contain only");
        field("Registration ID").fill("lab-device-01");
        field("Signed by (lab CA)").fill("Browser Lab Root");
        page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Browser Lab Root")).first().click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("RSA-2048")).check();
        button("Generate").click();
        assertThat(page.locator("#lab-certificate-facts")).containsText("Device, RSA-2048, subject CN=lab-device-01");

        Download chainDownload = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Full chain (PEM)")).click());
        List<X509Certificate> chain = Pem.readCertificates(Files.readString(chainDownload.path()));
        assertThat(chain).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=lab-device-01", "CN=Browser Lab Root");
        chain.getFirst().verify(chain.get(1).getPublicKey());

        field("PKCS#12 password").fill("short");
        button("Create PKCS#12 file").click();
        assertFieldError("The password must be at least 8 characters long.");
        field("PKCS#12 password").fill(P12_PASSWORD);
        field("Repeat the password").fill(P12_PASSWORD);
        button("Create PKCS#12 file").click();
        screenshot("certificate-lab");
        Download p12 = page.waitForDownload(() -> page.locator("#download-pkcs12").click());
        assertThat(p12.suggestedFilename()).isEqualTo("lab-device-01.p12");
        KeyStore opened = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12.path())) {
            opened.load(in, P12_PASSWORD.toCharArray());
        }
        assertThat(opened.getCertificateChain("lab-device-01")).containsExactly(chain.toArray(X509Certificate[]::new));
        assertThat(opened.getKey("lab-device-01", P12_PASSWORD.toCharArray()).getAlgorithm()).isEqualTo("RSA");

        button("Close").click();
        assertThat(page.locator("#lab-grid")).containsText("lab-device-01");
        assertThat(page.locator("#lab-grid")).containsText("Browser Lab Root");
    }

    /** Field errors are also read out by an aria-live region; check the one shown at the field. */
    private void assertFieldError(String message) {
        assertThat(page.locator("[slot=error-message]").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(message)).first()).isVisible();
    }
}
