package io.localdps.attestation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Builds SAS tokens the way the SDKs do, independently of the production code, so a bug there
 * cannot cancel itself out in the tests. Also holds the security.md §1.3a vectors.
 */
final class TestSasTokens {

    /** §1.3a device key, {@code se} and expected signatures. */
    static final String DEVICE_KEY =
            "G3vn0IZH9oK3d4wsxFpWBtd2KUrtjI+39dZVRf26To8w9OX0LaFV9yZ93ELXY7voqHEUsNhnb9bt717UP87KxA==";
    static final String SE = "1767225600";
    static final String ID_SCOPE = "0ne00ABC123";
    static final String REGISTRATION_ID = "sensor-0042";
    static final String SR_JAVA_STYLE = "0ne00ABC123/registrations/sensor-0042";
    static final String SR_PYTHON_STYLE = "0ne00ABC123%2Fregistrations%2Fsensor-0042";
    static final String SR_C_STYLE = "0ne00ABC123%2fregistrations%2fsensor-0042";
    static final String SIG_JAVA_STYLE_ENCODED = "S0GQBCboIFqDl4uOCFkse1EPn9156P1jpEJS1iTgAVs%3D";
    static final String SIG_PYTHON_STYLE_ENCODED = "4vIhk326vxe5crjX4XtcSNzO1FMbBGj6nD%2FO7nSI06M%3D";
    static final String SIG_C_STYLE_ENCODED = "AjhLFCXCMd2USqNJaM8dcssrmjS5GD%2BI8yJMwYzpueU%3D";

    /** §1.3a service vector. */
    static final String POLICY_KEY = "c2VydmljZS1wb2xpY3kta2V5LWZvci10ZXN0aW5nLTAxMg==";
    static final String SERVICE_HOST = "mydps.azure-devices-provisioning.net";
    static final String SERVICE_SIG = "++L03iIGfymJBzOvMLKDYQ7xSzWkoSGbvjPiWWaSDNM=";
    static final String SERVICE_SIG_ENCODED = "%2B%2BL03iIGfymJBzOvMLKDYQ7xSzWkoSGbvjPiWWaSDNM%3D";

    private TestSasTokens() {
    }

    /** base64(HMAC-SHA256(base64decode(key), sr + "\n" + se)), not URL-encoded. */
    static String sign(String base64Key, String srAsSent, String se) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((srAsSent + "\n" + se).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL-encoding every SDK applies to {@code sig}. */
    static String urlEncode(String base64) {
        return base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    }

    /** A token in the Java SDK's field order ({@code sr, sig, se, skn}); pass skn null to omit it. */
    static String token(String srAsSent, String encodedSig, String se, String skn) {
        return "SharedAccessSignature sr=" + srAsSent + "&sig=" + encodedSig + "&se=" + se
                + (skn == null ? "" : "&skn=" + skn);
    }

    /** A correctly signed device token for the §1.3a scope and registration ID, with Java-style {@code sr}. */
    static String deviceToken(String base64Key, String se) {
        return token(SR_JAVA_STYLE, urlEncode(sign(base64Key, SR_JAVA_STYLE, se)), se, "");
    }

    static String randomKey() {
        return SymmetricKeys.generate();
    }
}
