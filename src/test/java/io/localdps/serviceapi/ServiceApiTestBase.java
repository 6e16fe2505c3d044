package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.accesspolicy.PolicyKey;
import io.localdps.accesspolicy.SharedAccessPolicy;
import io.localdps.accesspolicy.SharedAccessPolicyService;
import io.localdps.common.Json;
import io.localdps.testsupport.H2Database;
import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * The whole application with both ports; the service API is called over TLS on the HTTPS port.
 * The service host is spelled in mixed case: SAS tokens carry it lower-cased (Java client).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dps.admin.password=service-api-test-password-1",
        "dps.service-host=" + ServiceApiTestBase.SERVICE_HOST,
        "dps.shared-access.owner-key=" + ServiceApiTestBase.OWNER_KEY,
        "vaadin.devmode.devTools.enabled=false"
})
abstract class ServiceApiTestBase implements H2Database {

    static final String SERVICE_HOST = "LocalDps-Test.Example.net";
    static final String OWNER_KEY = "c2VydmljZS1hcGktdGVzdC1vd25lci1rZXktMzItYnl0ZXM=";

    @Autowired
    DeviceTlsMaterial tls;
    @Autowired
    ApplicationContext context;
    @Autowired
    SharedAccessPolicyService policies;

    ServiceClient api;
    String owner;

    @BeforeEach
    void connect() throws ReflectiveOperationException {
        api = new ServiceClient(tls.trustAnchor(), httpsPort());
        owner = new ServiceSas(SERVICE_HOST, SharedAccessPolicy.OWNER, OWNER_KEY).token();
    }

    /** DeviceHttpsConnector lives in another package; its public port() is all that is needed. */
    private int httpsPort() throws ReflectiveOperationException {
        Object connector = context.getBean(Class.forName("io.localdps.https.DeviceHttpsConnector"));
        Method port = connector.getClass().getMethod("port");
        return (int) port.invoke(connector);
    }

    /** A token of a fresh policy holding exactly these rights. */
    String tokenWith(String policyName, AccessRight... rights) {
        policies.delete(policyName);
        SharedAccessPolicy policy = policies.create(policyName, Set.of(rights));
        return ServiceSas.fromConnectionString(policies.connectionString(policy, PolicyKey.PRIMARY)).token();
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.mapper().readTree(response.body());
    }

    static String symmetricKeyEnrollment(String registrationId) {
        return """
                {"registrationId":"%s","attestation":{"type":"symmetricKey","symmetricKey":{}},
                 "capabilities":{"iotEdge":false},"provisioningStatus":"enabled"}""".formatted(registrationId);
    }

    static String symmetricKeyGroup(String groupId) {
        return """
                {"enrollmentGroupId":"%s","attestation":{"type":"symmetricKey","symmetricKey":{}},
                 "capabilities":{"iotEdge":false}}""".formatted(groupId);
    }
}
