package io.localdps.attestation;

import io.localdps.attestation.SasVerification.Accepted;
import io.localdps.attestation.SasVerification.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.localdps.attestation.TestSasTokens.*;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceSasVerifierTest {

    private static final Instant BEFORE_EXPIRY = Instant.parse("2025-12-31T23:00:00Z");
    private static final String OWNER = "provisioningserviceowner";
    private static final List<ServiceSasVerifier.Policy> POLICIES = List.of(
            new ServiceSasVerifier.Policy("reader", randomKey(), randomKey()),
            new ServiceSasVerifier.Policy(OWNER, randomKey(), POLICY_KEY));

    private static SasVerification verify(String token, String path) {
        return ServiceSasVerifier.verify(token, SERVICE_HOST, path, POLICIES, BEFORE_EXPIRY);
    }

    private static String tokenFor(String sr, String key, String skn) {
        return token(sr, urlEncode(sign(key, sr, SE)), SE, skn);
    }

    private static SasFailure failureOf(SasVerification verification) {
        assertThat(verification).isInstanceOf(Rejected.class);
        return ((Rejected) verification).failure();
    }

    @Test
    void acceptsTheSpecServiceVectorAndNamesThePolicyAndKey() {
        String token = token(SERVICE_HOST, SERVICE_SIG_ENCODED, SE, OWNER);

        assertThat(verify(token, "/enrollments/dev-1"))
                .isEqualTo(new Accepted(SasKey.Role.SECONDARY, Optional.of(OWNER)));
    }

    @Test
    void acceptsTheSpecServiceVectorWithItsLeadingPlusSignsUnescaped() {
        assertThat(verify(token(SERVICE_HOST, SERVICE_SIG, SE, OWNER), "/enrollments/dev-1").accepted()).isTrue();
    }

    @Test
    void looksUpThePolicyCaseInsensitivelyAndReportsItsStoredName() {
        String token = token(SERVICE_HOST, SERVICE_SIG_ENCODED, SE, "ProvisioningServiceOwner");

        assertThat(verify(token, "/")).isEqualTo(new Accepted(SasKey.Role.SECONDARY, Optional.of(OWNER)));
    }

    @Test
    void comparesTheHostCaseInsensitivelyAndIgnoresAPortInTheConfiguredHost() {
        String sr = "MyDps.Azure-Devices-Provisioning.NET";
        SasVerification result = ServiceSasVerifier.verify(tokenFor(sr, POLICY_KEY, OWNER),
                "MYDPS.azure-devices-provisioning.net:8443", "/enrollments", POLICIES, BEFORE_EXPIRY);

        assertThat(result.accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://" + SERVICE_HOST, "https%3A%2F%2F" + SERVICE_HOST, "HTTPS://" + SERVICE_HOST})
    void acceptsAnHttpsPrefixOnTheResource(String sr) {
        assertThat(verify(tokenFor(sr, POLICY_KEY, OWNER), "/enrollments/dev-1").accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/enrollments", "/enrollments/", "/enrollments/dev-1", "/enrollments/dev-1?api-version=2021-10-01"})
    void aResourceWithAPathCoversThatPathAndEverythingBelowIt(String requestPath) {
        String sr = SERVICE_HOST + "/enrollments";

        assertThat(verify(tokenFor(sr, POLICY_KEY, OWNER), requestPath).accepted()).isTrue();
    }

    @Test
    void javaStyleEncodedResourceWithAPathIsDecodedBeforeTheSegmentCheck() {
        String sr = SERVICE_HOST + "%2Fenrollments";

        assertThat(verify(tokenFor(sr, POLICY_KEY, OWNER), "/enrollments/dev-1").accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/enrollmentGroups/g", "/enrollmentsx", "/registrations/dev-1", "/", ""})
    void aResourceWithAPathCoversNothingOutsideIt(String requestPath) {
        String sr = SERVICE_HOST + "/enrollments";

        assertThat(failureOf(verify(tokenFor(sr, POLICY_KEY, OWNER), requestPath))).isEqualTo(SasFailure.WRONG_RESOURCE);
    }

    @Test
    void theSegmentRuleComparesTheDecodedRequestPath() {
        String sr = SERVICE_HOST + "/enrollments/dev:01";

        assertThat(verify(tokenFor(sr, POLICY_KEY, OWNER), "/enrollments/dev%3A01").accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"otherdps.azure-devices-provisioning.net", "mydps.azure-devices-provisioning.net.evil.example",
            "mydps.azure-devices-provisioning", "mydps.azure-devices-provisioning.net:443"})
    void refusesAResourceNamingAnotherHost(String sr) {
        assertThat(failureOf(verify(tokenFor(sr, POLICY_KEY, OWNER), "/enrollments"))).isEqualTo(SasFailure.WRONG_RESOURCE);
    }

    @Test
    void requiresSkn() {
        assertThat(failureOf(verify(token(SERVICE_HOST, SERVICE_SIG_ENCODED, SE, null), "/"))).isEqualTo(SasFailure.MALFORMED);
        assertThat(failureOf(verify(token(SERVICE_HOST, SERVICE_SIG_ENCODED, SE, ""), "/"))).isEqualTo(SasFailure.MALFORMED);
    }

    @Test
    void refusesAnUnknownPolicy() {
        SasVerification result = verify(token(SERVICE_HOST, SERVICE_SIG_ENCODED, SE, "nobody"), "/");

        assertThat(failureOf(result)).isEqualTo(SasFailure.UNKNOWN_POLICY);
        assertThat(((Rejected) result).detail()).contains("nobody");
    }

    @Test
    void refusesATokenSignedWithAnotherPolicysKey() {
        SasVerification result = verify(token(SERVICE_HOST, SERVICE_SIG_ENCODED, SE, "reader"), "/");

        assertThat(failureOf(result)).isEqualTo(SasFailure.SIGNATURE_MISMATCH);
        assertThat(((Rejected) result).detail()).doesNotContain(POLICY_KEY);
    }

    @Test
    void refusesAnExpiredToken() {
        SasVerification result = ServiceSasVerifier.verify(token(SERVICE_HOST, SERVICE_SIG_ENCODED, SE, OWNER),
                SERVICE_HOST, "/", POLICIES, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(failureOf(result)).isEqualTo(SasFailure.EXPIRED);
    }

    @Test
    void aPolicyWithoutASecondaryKeyStillVerifiesItsPrimary() {
        List<ServiceSasVerifier.Policy> policies = List.of(new ServiceSasVerifier.Policy(OWNER, POLICY_KEY, null));
        SasVerification result = ServiceSasVerifier.verify(token(SERVICE_HOST, SERVICE_SIG_ENCODED, SE, OWNER),
                SERVICE_HOST, "/", policies, BEFORE_EXPIRY);

        assertThat(result).isEqualTo(new Accepted(SasKey.Role.PRIMARY, Optional.of(OWNER)));
    }
}
