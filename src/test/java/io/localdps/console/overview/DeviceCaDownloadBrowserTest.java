package io.localdps.console.overview;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.localdps.console.BrowserTest;
import io.localdps.https.DeviceClient;
import io.localdps.https.DeviceHttpsConnector;
import io.localdps.instance.InstanceService;
import io.localdps.registration.DeviceTokens;
import io.localdps.tls.DeviceTlsMaterial;
import io.localdps.tls.Pem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class DeviceCaDownloadBrowserTest extends BrowserTest {

    @Autowired
    DeviceTlsMaterial tls;
    @Autowired
    DeviceHttpsConnector https;
    @Autowired
    InstanceService instance;

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
    void theOverviewDrawsTheLiveRegistrationChartsAndRedrawsThemWhileOpen() {
        open("");
        assertThat(page.locator("#registrations-per-minute .dps-column")).hasCount(30);
        assertThat(page.locator("#hub-assignments")).isVisible();
        assertThat(page.locator("#live-totals")).containsText("Throttled (429):");

        // A device with a key nobody enrolled: refused, and counted as such while the page is open.
        String id = "overview-" + UUID.randomUUID().toString().substring(0, 8);
        DeviceClient device = DeviceClient.tls("TLSv1.3").trusting(tls.trustAnchor()).build();
        assertThat(device.send(device.put("https://localhost:" + https.port() + "/" + instance.idScope() + "/registrations/"
                        + id + "/register?api-version=2021-06-01", "{\"registrationId\":\"" + id + "\"}")
                .header("Authorization", DeviceTokens.sas(instance.idScope(), id, "bm90LWVucm9sbGVkLWtleS1ub3QtZW5yb2xsZWQ=")))
                .statusCode()).isEqualTo(401);

        assertThat(page.locator("#registration-outcomes .dps-bar[data-label=refused] .dps-bar-count"))
                .not().hasText("0", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(page.locator("#registrations-per-minute .dps-column").last())
                .not().hasAttribute("data-count", "0", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
    }
}
