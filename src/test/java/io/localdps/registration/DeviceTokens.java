package io.localdps.registration;

import io.localdps.attestation.SymmetricKeys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** SAS tokens as a device SDK makes them (security.md §1.1), built independently of the server's verifier. */
public final class DeviceTokens {

    private DeviceTokens() {
    }

    /** Java/Node style: {@code sr} not encoded, {@code skn=registration}. */
    public static String sas(String idScope, String registrationId, String base64Key) {
        return sas(idScope, registrationId, Base64.getDecoder().decode(base64Key), Instant.now().plusSeconds(3600));
    }

    public static String sas(String idScope, String registrationId, byte[] key, Instant expiry) {
        String resource = idScope + "/registrations/" + registrationId;
        String expires = Long.toString(expiry.getEpochSecond());
        byte[] signature = SymmetricKeys.hmacSha256(key, (resource + "\n" + expires).getBytes(StandardCharsets.UTF_8));
        return "SharedAccessSignature sr=" + resource + "&sig="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8)
                + "&se=" + expires + "&skn=registration";
    }
}
