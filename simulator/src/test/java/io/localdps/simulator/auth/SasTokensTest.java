package io.localdps.simulator.auth;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Group key derivation and device SAS tokens against the vectors of security.md §1.3a. */
class SasTokensTest {

    private static final String KEY = "G3vn0IZH9oK3d4wsxFpWBtd2KUrtjI+39dZVRf26To8w9OX0LaFV9yZ93ELXY7voqHEUsNhnb9bt717UP87KxA==";

    @Test
    void aGroupMembersKeyIsTheHmacOfItsRegistrationIdUnderTheGroupKey() {
        assertThat(SasTokens.deriveDeviceKey("8isrFI1sGsIlvvFSSFRiMfCNzv21fjbE/+ah/lSh3lF8e2YG1Te7w1KpZhJFFXJrqYKi9yegxkqIChbqOS9Egw==",
                "sn-007-888-abc-mac-a1-b2-c3-d4-e5-f6")).isEqualTo("Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc=");
        assertThat(SasTokens.deriveDeviceKey("oiK77Oy7rBw8YB6IS6ukRChAw+Yq6GC61RMrPLSTiOOtdI+XDu0LmLuNm11p+qv2I+adqGUdZHm46zXAQdZoOA==",
                "breakroom499-contoso-tstrsd-007")).isEqualTo("JC8F96eayuQwwz+PkE7IzjH2lIAjCUnAa61tDigBnSs=");
        assertThat(SasTokens.deriveDeviceKey(KEY, "sensor-0042")).isEqualTo("mCiJwVdetf66u+QiHyD3gmGd52l6V1nW2c02w6bgyuU=");
    }

    @Test
    void aTokenSignsTheUpperCaseEncodedResourceAndNamesTheRegistrationKeyAsTheCSharpSdkDoes() {
        String token = SasTokens.token("0ne00ABC123", "sensor-0042", KEY, 1767225600L);

        assertThat(token).isEqualTo("SharedAccessSignature sr=0ne00ABC123%2Fregistrations%2Fsensor-0042"
                + "&sig=4vIhk326vxe5crjX4XtcSNzO1FMbBGj6nD%2FO7nSI06M%3D&se=1767225600&skn=registration");
    }

    @Test
    void aTokenSignedByAnotherSignerCarriesThatSignature() {
        byte[] fixed = new byte[32];
        String token = SasTokens.token("0ne00ABC123", "dev:01", 1767225600L, data -> fixed);

        String sig = token.substring(token.indexOf("&sig=") + 5, token.indexOf("&se="));
        assertThat(Base64.getDecoder().decode(URLDecoder.decode(sig, StandardCharsets.UTF_8))).isEqualTo(fixed);
        assertThat(token).contains("sr=0ne00ABC123%2Fregistrations%2Fdev%3A01&");
    }
}
