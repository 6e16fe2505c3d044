package io.localdps.console.overview;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.localdps.console.BrowserTest;
import io.localdps.tls.DeviceTlsMaterial;
import io.localdps.tls.Pem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class DeviceCaDownloadBrowserTest extends BrowserTest {

    @Autowired
    DeviceTlsMaterial tls;

    @Test
    void theOverviewDownloadsTheDeviceCaAsAPemFileThatIsTheDevicesTrustAnchor() throws Exception {
        open("");
        assertThat(page.locator("#device-ca-hint")).containsText("trusted root certificate");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download device CA certificate")).click());

        assertThat(download.suggestedFilename()).isEqualTo("localdps-device-ca.pem");
        List<X509Certificate> downloaded = Pem.readCertificates(Files.readString(download.path()));
        assertThat(downloaded).containsExactly(tls.trustAnchor());
        X509Certificate ca = downloaded.getFirst();
        assertThat(ca.getSubjectX500Principal().getName()).contains("CN=LocalDPS Device CA");
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        tls.certificateChain().getFirst().verify(ca.getPublicKey());
    }

    @Test
    void theOverviewDrawsTheLiveRegistrationChartsForTheLastHalfHour() {
        open("");

        assertThat(page.locator("#registrations-per-minute .dps-column")).hasCount(30);
        assertThat(page.locator("#registration-outcomes")).isVisible();
        assertThat(page.locator("#hub-assignments")).isVisible();
        assertThat(page.locator("#live-totals")).containsText("Throttled (429):");
    }
}
