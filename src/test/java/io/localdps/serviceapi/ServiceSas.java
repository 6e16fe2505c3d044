package io.localdps.serviceapi;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Builds service SAS tokens the way the Java service client does (client-compat.md SVC-4), from a
 * connection string or its parts. Test code: an independent implementation of the signature.
 */
public record ServiceSas(String hostName, String keyName, String key) {

    public static ServiceSas fromConnectionString(String connectionString) {
        String host = null;
        String name = null;
        String key = null;
        for (String part : connectionString.split(";")) {
            int equals = part.indexOf('=');
            String field = part.substring(0, equals);
            String value = part.substring(equals + 1);
            switch (field) {
                case "HostName" -> host = value;
                case "SharedAccessKeyName" -> name = value;
                case "SharedAccessKey" -> key = value;
                default -> throw new IllegalArgumentException("unexpected field " + field);
            }
        }
        return new ServiceSas(host, name, key);
    }

    public String token(Instant expiry) {
        String sr = URLEncoder.encode(hostName.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        String se = Long.toString(expiry.getEpochSecond());
        String sig = URLEncoder.encode(sign(sr + "\n" + se), StandardCharsets.UTF_8);
        return "SharedAccessSignature sr=" + sr + "&sig=" + sig + "&se=" + se + "&skn=" + keyName;
    }

    public String token() {
        return token(Instant.now().plusSeconds(3600));
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
