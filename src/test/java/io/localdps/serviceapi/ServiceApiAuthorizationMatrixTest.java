package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.accesspolicy.SharedAccessPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route × every kind of token: only a valid token of a policy holding the route's right gets
 * past authorization (security.md §2.2–2.3); everything else is a 401 with the error body.
 */
class ServiceApiAuthorizationMatrixTest extends ServiceApiTestBase {

    record Route(String method, String path, String body, AccessRight right) {
    }

    static final List<Route> ROUTES = List.of(
            new Route("PUT", "/enrollments/matrix-dev", symmetricKeyEnrollment("matrix-dev"), AccessRight.ENROLLMENT_WRITE),
            new Route("GET", "/enrollments/matrix-dev", null, AccessRight.ENROLLMENT_READ),
            new Route("POST", "/enrollments/matrix-dev/attestationmechanism", null, AccessRight.ENROLLMENT_READ),
            new Route("DELETE", "/enrollments/matrix-dev", null, AccessRight.ENROLLMENT_WRITE),
            new Route("PUT", "/enrollmentGroups/matrix-group", symmetricKeyGroup("matrix-group"), AccessRight.ENROLLMENT_WRITE),
            new Route("GET", "/enrollmentGroups/matrix-group", null, AccessRight.ENROLLMENT_READ),
            new Route("POST", "/enrollmentGroups/matrix-group/attestationmechanism", null, AccessRight.ENROLLMENT_READ),
            new Route("DELETE", "/enrollmentGroups/matrix-group", null, AccessRight.ENROLLMENT_WRITE),
            new Route("GET", "/registrations/matrix-dev", null, AccessRight.REGISTRATION_STATUS_READ),
            new Route("DELETE", "/registrations/matrix-dev", null, AccessRight.REGISTRATION_STATUS_WRITE));

    String expired;
    String wrongKey;
    String unknownPolicy;
    String wrongHost;

    @BeforeEach
    void badTokens() {
        expired = new ServiceSas(SERVICE_HOST, SharedAccessPolicy.OWNER, OWNER_KEY).token(Instant.now().minusSeconds(5));
        wrongKey = new ServiceSas(SERVICE_HOST, SharedAccessPolicy.OWNER, "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktMzI=").token();
        unknownPolicy = new ServiceSas(SERVICE_HOST, "nosuchpolicy", OWNER_KEY).token();
        wrongHost = new ServiceSas("other-dps.example.net", SharedAccessPolicy.OWNER, OWNER_KEY).token();
    }

    @Test
    void noTokenExpiredWrongKeyUnknownPolicyAndWrongHostAreRefusedWith401OnEveryRoute() {
        List<String> admitted = new ArrayList<>();
        for (Route route : ROUTES) {
            for (String token : new String[]{null, "", expired, wrongKey, unknownPolicy, wrongHost, "SharedAccessSignature garbage"}) {
                HttpResponse<String> response = api.call(route.method(), route.path(), token, route.body());
                if (response.statusCode() != 401 || json(response).get("errorCode").asInt() != 401002) {
                    admitted.add(route.method() + " " + route.path() + " with " + token + " → " + response.statusCode());
                }
            }
        }
        assertThat(admitted).isEmpty();
    }

    @Test
    void aPolicyLackingTheRouteRightIsRefusedAndOneHoldingItIsAdmitted() {
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            EnumSet<AccessRight> others = EnumSet.allOf(AccessRight.class);
            others.remove(route.right());
            // Write implies read: a policy without the read right must also lack the matching write right.
            if (route.right() == AccessRight.ENROLLMENT_READ) {
                others.remove(AccessRight.ENROLLMENT_WRITE);
            }
            if (route.right() == AccessRight.REGISTRATION_STATUS_READ) {
                others.remove(AccessRight.REGISTRATION_STATUS_WRITE);
            }
            String lacking = tokenWith("matrix-lacking", others.toArray(AccessRight[]::new));
            String holding = tokenWith("matrix-holding", route.right());

            int refused = api.call(route.method(), route.path(), lacking, route.body()).statusCode();
            int admitted = api.call(route.method(), route.path(), holding, route.body()).statusCode();
            if (refused != 401) {
                wrong.add("without " + route.right() + ": " + route.method() + " " + route.path() + " → " + refused);
            }
            if (admitted == 401) {
                wrong.add("with " + route.right() + ": " + route.method() + " " + route.path() + " → 401");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theOwnerPolicysSecondaryKeyIsAcceptedAndWriteImpliesRead() {
        String secondary = new ServiceSas(SERVICE_HOST, SharedAccessPolicy.OWNER,
                policies.get(SharedAccessPolicy.OWNER).secondaryKey()).token();
        api.call("PUT", "/enrollments/matrix-read", secondary, symmetricKeyEnrollment("matrix-read"));

        String writer = tokenWith("matrix-writer", AccessRight.ENROLLMENT_WRITE);

        assertThat(api.call("GET", "/enrollments/matrix-read", secondary, null).statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "/enrollments/matrix-read", writer, null).statusCode()).isEqualTo(200);
    }
}
