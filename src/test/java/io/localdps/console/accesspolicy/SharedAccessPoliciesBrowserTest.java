package io.localdps.console.accesspolicy;

import com.microsoft.playwright.Locator;
import io.localdps.console.BrowserTest;
import io.localdps.serviceapi.ServiceClient;
import io.localdps.serviceapi.ServiceSas;
import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.net.http.HttpResponse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin creates a policy, reveals and copies its connection string, and an application uses it. */
class SharedAccessPoliciesBrowserTest extends BrowserTest {

    @Autowired
    DeviceTlsMaterial tls;
    @Autowired
    ApplicationContext context;

    @Test
    void aNewPolicysConnectionStringIsMaskedUntilRevealedAndSignsServiceApiCalls() throws Exception {
        open("shared-access-policies");
        assertThat(page.locator("#shared-access-policies-grid")).containsText("provisioningserviceowner");

        button("Add shared access policy").click();
        field("Policy name").fill("browser-app");
        page.getByText("EnrollmentWrite", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).click();
        button("Create").click();
        assertNotification("Created browser-app");

        page.locator("#shared-access-policies-grid vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("browser-app")).first().click();
        Locator connection = field("Primary connection string");
        assertThat(connection).hasValue("•".repeat(24));
        button("Copy primary connection string").click();
        assertNotification("Primary connection string copied to clipboard");
        button("Show primary connection string").click();
        assertThat(connection).hasValue(java.util.regex.Pattern.compile("^HostName=.*;SharedAccessKeyName=browser-app;SharedAccessKey=.+"));
        screenshot("shared-access-policy");
        String connectionString = connection.inputValue();

        ServiceClient api = new ServiceClient(tls.trustAnchor(), httpsPort());
        String token = ServiceSas.fromConnectionString(connectionString).token();
        HttpResponse<String> created = api.call("PUT", "/enrollments/browser-app-device", token, """
                {"registrationId":"browser-app-device","attestation":{"type":"symmetricKey","symmetricKey":{}}}""");
        HttpResponse<String> registrations = api.call("GET", "/registrations/browser-app-device", token, null);

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(registrations.statusCode()).as("the policy has no RegistrationStatusRead").isEqualTo(401);

        button("Regenerate primary key").click();
        assertNotification("Regenerated the primary key of browser-app");
        button("Show primary connection string").click();
        assertThat(connection).not().hasValue(connectionString);
        assertThat(connection).hasValue(java.util.regex.Pattern.compile("^HostName=.*;SharedAccessKeyName=browser-app;SharedAccessKey=.+"));
        String regenerated = connection.inputValue();
        HttpResponse<String> withOldKey = api.call("GET", "/enrollments/browser-app-device", token, null);
        HttpResponse<String> withNewKey = api.call("GET", "/enrollments/browser-app-device",
                ServiceSas.fromConnectionString(regenerated).token(), null);

        assertThat(withOldKey.statusCode()).as("the old connection string stops working at once").isEqualTo(401);
        assertThat(withNewKey.statusCode()).as(withNewKey.body()).isEqualTo(200);
    }

    private int httpsPort() throws ReflectiveOperationException {
        Object connector = context.getBean(Class.forName("io.localdps.https.DeviceHttpsConnector"));
        return (int) connector.getClass().getMethod("port").invoke(connector);
    }
}
