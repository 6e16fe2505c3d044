package io.localdps.simulator.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * Device SAS tokens and group key derivation (security.md §1), signed as the C# and Python SDKs
 * do: {@code sr} URL-encoded with upper-case hex, {@code skn=registration}.
 */
public final class SasTokens {

    private SasTokens() {
    }

    /** The device key of a group member: base64(HMAC-SHA256(base64decode(groupKey), registrationId)). */
    public static String deriveDeviceKey(String groupKeyBase64, String registrationId) {
        return Base64.getEncoder().encodeToString(
                hmac(Base64.getDecoder().decode(groupKeyBase64.strip()), registrationId.getBytes(StandardCharsets.UTF_8)));
    }

    /** A token signed with a symmetric key (base64). */
    public static String token(String idScope, String registrationId, String keyBase64, long expiresAtEpochSeconds) {
        byte[] key = Base64.getDecoder().decode(keyBase64.strip());
        return token(idScope, registrationId, expiresAtEpochSeconds, data -> hmac(key, data));
    }

    /**
     * A token whose signature comes from {@code signer} (HMAC-SHA256 over the UTF-8 string to sign;
     * a TPM signs with its imported ID key).
     */
    public static String token(String idScope, String registrationId, long expiresAtEpochSeconds, UnaryOperator<byte[]> signer) {
        String resource = URLEncoder.encode(idScope + "/registrations/" + registrationId, StandardCharsets.UTF_8);
        String expiry = Long.toString(expiresAtEpochSeconds);
        byte[] signature = signer.apply((resource + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        return "SharedAccessSignature sr=" + resource + "&sig="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8)
                + "&se=" + expiry + "&skn=registration";
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
