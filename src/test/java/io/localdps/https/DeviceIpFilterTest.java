package io.localdps.https;

import io.localdps.accesspolicy.PolicyKey;
import io.localdps.accesspolicy.SharedAccessPolicy;
import io.localdps.accesspolicy.SharedAccessPolicyService;
import io.localdps.common.Json;
import io.localdps.instance.InstanceService;
import io.localdps.networking.FilterAction;
import io.localdps.networking.FilterTarget;
import io.localdps.networking.IpFilterMetrics;
import io.localdps.networking.IpFilterRule;
import io.localdps.networking.NetworkChange;
import io.localdps.networking.NetworkingService;
import io.localdps.networking.PublicNetworkAccess;
import io.localdps.serviceapi.ServiceSas;
import io.localdps.testsupport.H2Database;
import io.localdps.tls.DeviceTlsMaterial;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IP filter on the HTTPS port over real TLS from 127.0.0.1: device API paths are judged as
 * deviceApi, service API paths as serviceApi; a rejected request gets 401 with nothing naming the
 * rule, and the console's port is never filtered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dps.admin.password=https-e2e-password-1", "vaadin.devmode.devTools.enabled=false"})
class DeviceIpFilterTest implements H2Database {

    private static final String RULE_NAME = "no-loopback-rule";

    @Autowired DeviceTlsMaterial tls;
    @Autowired DeviceHttpsConnector connector;
    @Autowired InstanceService instance;
    @Autowired NetworkingService networking;
    @Autowired SharedAccessPolicyService policies;
    @Autowired MeterRegistry meters;
    @LocalServerPort int consolePort;

    private double rejections() {
        return meters.get(IpFilterMetrics.REJECTIONS).tag("transport", "https").counter().count();
    }

    @AfterEach
    void openEverythingAgain() {
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED, List.of()), networking.settings().version(), null, false);
    }

    @Test
    void aDeviceApiRequestFromARejectedAddressGets401WithoutAHintOfTheRule() {
        rejectLoopbackFor(FilterTarget.DEVICE_API);
        double rejectedBefore = rejections();

        HttpResponse<String> response = register();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(rejections()).as("dps.ipfilter.rejections{transport=https}").isEqualTo(rejectedBefore + 1);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.path("errorCode").asInt()).isEqualTo(401000);
        assertThat(body.path("message").asString()).isEqualTo("Unauthorized");
        assertThat(body.path("trackingId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain(RULE_NAME).doesNotContain("127.0.0.1").doesNotContainIgnoringCase("filter");
        assertThat(response.headers().firstValue("x-ms-error-code")).contains("401000");
    }

    @Test
    void aServiceApiRequestFromARejectedAddressGets401EvenWithTheOwnersToken() {
        rejectLoopbackFor(FilterTarget.SERVICE_API);

        HttpResponse<String> response = serviceCall();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Json.mapper().readTree(response.body()).path("errorCode").asInt()).isEqualTo(401000);
        assertThat(response.body()).doesNotContain(RULE_NAME).doesNotContain("127.0.0.1");
    }

    @Test
    void aRuleForOneApiLeavesTheOtherApiOpenToTheSameAddress() {
        rejectLoopbackFor(FilterTarget.SERVICE_API);
        HttpResponse<String> device = register("0ne00FFFFFF");
        rejectLoopbackFor(FilterTarget.DEVICE_API);
        HttpResponse<String> service = serviceCall();

        assertThat(device.statusCode()).as("DPS itself answers: unknown ID scope").isEqualTo(404);
        assertThat(service.statusCode()).as("unknown registration record").isEqualTo(404);
    }

    @Test
    void theConsolesPortIsNeverFiltered() throws Exception {
        rejectLoopbackFor(FilterTarget.ALL);
        var client = java.net.http.HttpClient.newHttpClient();

        var login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + consolePort + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> register() {
        return register(instance.idScope());
    }

    private HttpResponse<String> register(String idScope) {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();
        String url = "https://127.0.0.1:" + connector.port() + "/" + idScope + "/registrations/ipf-device/register"
                + "?api-version=2021-06-01";
        return device.send(device.put(url, "{\"registrationId\":\"ipf-device\"}"));
    }

    private HttpResponse<String> serviceCall() {
        SharedAccessPolicy owner = policies.get(SharedAccessPolicy.OWNER);
        String token = ServiceSas.fromConnectionString(policies.connectionString(owner, PolicyKey.PRIMARY)).token();
        DeviceClient client = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();
        return client.send(client.get("https://127.0.0.1:" + connector.port() + "/registrations/ipf-nobody?api-version=2019-03-31")
                .header("Authorization", token));
    }

    private void rejectLoopbackFor(FilterTarget target) {
        networking.update(new NetworkChange(PublicNetworkAccess.ENABLED,
                List.of(new IpFilterRule(RULE_NAME, FilterAction.REJECT, "127.0.0.1/32", target))),
                networking.settings().version(), null, false);
    }
}
