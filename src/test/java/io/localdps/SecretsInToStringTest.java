package io.localdps;

import io.localdps.attestation.ServiceSasVerifier;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.hub.DeviceAuthentication;
import io.localdps.registration.DeviceCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values that carry keys print without them, so a log line or an exception message cannot leak one. */
class SecretsInToStringTest {

    private static final String KEY = "c2VjcmV0LWtleS1ub2JvZHktbXVzdC1zZWU=";
    private static final String OTHER_KEY = "b3RoZXItc2VjcmV0LWtleQ==";

    @Test
    void enrollmentKeysDerivedKeysPolicyKeysAndHubDeviceKeysAreLeftOutOfToString() {
        assertThat(new Attestation.SymmetricKey(KEY, OTHER_KEY).toString()).doesNotContain(KEY, OTHER_KEY);
        assertThat(new EnrollmentGroupService.DerivedDeviceKeys(KEY, OTHER_KEY).toString()).doesNotContain(KEY, OTHER_KEY);
        assertThat(new ServiceSasVerifier.Policy("provisioningserviceowner", KEY, OTHER_KEY).toString())
                .contains("provisioningserviceowner").doesNotContain(KEY, OTHER_KEY);
        assertThat(DeviceAuthentication.sas(KEY, OTHER_KEY).toString()).doesNotContain(KEY, OTHER_KEY);
    }

    @Test
    void aDevicesSasTokenIsLeftOutOfToString() {
        String token = "SharedAccessSignature sr=0ne00000001%2Fregistrations%2Fdevice-1&sig=" + KEY + "&se=1900000000&skn=registration";
        assertThat(new DeviceCredentials.SasToken(token).toString()).doesNotContain(KEY);
    }
}
