package io.localdps.audit;

import io.localdps.common.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRedactionTest {

    @Test
    void fieldsNamedAsSecretsAreReplacedWhereverTheyAre() {
        var tree = Json.mapper().readTree("""
                {"attestation": {"symmetricKey": {"primaryKey": "p-secret", "secondaryKey": "s-secret"},
                 "tpm": {"endorsementKey": "ek-secret"}}, "keyName": "owner", "password": "pw-secret",
                 "list": [{"sasToken": "t-secret"}], "deviceId": "dev-1"}""");

        String redacted = AuditRedaction.redact(tree).toString();

        assertThat(redacted).doesNotContain("p-secret", "s-secret", "ek-secret", "pw-secret", "t-secret")
                .contains("\"keyName\":\"owner\"", "\"deviceId\":\"dev-1\"");
    }

    @Test
    void textsLoseUrlCredentialsQueryStringsPrivateKeysAndSasTokens() {
        assertThat(AuditRedaction.text("https://user:pw@fn.example.net/api/x?code=abc#frag"))
                .isEqualTo("https://fn.example.net/api/x?(query not recorded)");
        assertThat(AuditRedaction.text("http://plain.example.net/path")).isEqualTo("http://plain.example.net/path");
        assertThat(AuditRedaction.text("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"))
                .isEqualTo(AuditRedaction.HIDDEN);
        assertThat(AuditRedaction.text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"))
                .startsWith("(PEM, ");
        assertThat(AuditRedaction.text("SharedAccessSignature sr=x&sig=y&se=1")).isEqualTo(AuditRedaction.HIDDEN);
        assertThat(AuditRedaction.text("HostName=h;SharedAccessKeyName=n;SharedAccessKey=k")).isEqualTo(AuditRedaction.HIDDEN);
    }
}
