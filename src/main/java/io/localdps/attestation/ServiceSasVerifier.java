package io.localdps.attestation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a service (management API) SAS token per security.md §2.2: like a device token, except that
 * {@code skn} is required and names a shared access policy, and {@code sr} names the service host or
 * a segment prefix of host + request path. Checking the policy's rights is left to the caller, which
 * gets the policy name from {@link SasVerification.Accepted#policyName()}.
 */
public final class ServiceSasVerifier {

    /** A shared access policy's name and base64 keys (service-api policy model); secondary may be null. */
    public record Policy(String keyName, String primaryKey, String secondaryKey) {
        public Policy {
            Objects.requireNonNull(keyName, "keyName");
        }

        @Override
        public String toString() {
            return "Policy[" + keyName + "]";
        }
    }

    private static final Pattern HOST_WITH_PORT = Pattern.compile("^(\\[.*]|[^:]*):\\d+$");
    private static final String HTTPS = "https://";

    private ServiceSasVerifier() {
    }

    /**
     * @param token       the {@code Authorization} header value, scheme included
     * @param serviceHost the configured service host name; a port, if any, is ignored
     * @param requestPath the request's path as received (percent-encoded, query allowed), e.g.
     *                    {@code /enrollments/dev-1}; empty or null for "the whole service"
     * @param policies    the instance's shared access policies
     * @param now         the time to judge expiry against
     */
    public static SasVerification verify(String token, String serviceHost, String requestPath,
                                         Collection<Policy> policies, Instant now) {
        SasToken sas;
        try {
            sas = SasToken.parse(token);
        } catch (MalformedSasTokenException e) {
            return new SasVerification.Rejected(SasFailure.MALFORMED, e.getMessage());
        }
        String policyName = sas.keyName().orElse("");
        if (policyName.isEmpty()) {
            return new SasVerification.Rejected(SasFailure.MALFORMED, "service SAS token has no 'skn' (policy name)");
        }

        if (sas.isExpiredAt(now)) {
            return new SasVerification.Rejected(SasFailure.EXPIRED,
                    "token expired at " + sas.expiry() + " (se=" + sas.expiryAsSent() + "), now is " + now);
        }

        String host = withoutPort(serviceHost).toLowerCase(Locale.ROOT);
        String target;
        try {
            target = host + pathOnly(requestPath);
        } catch (IllegalArgumentException e) {
            return new SasVerification.Rejected(SasFailure.WRONG_RESOURCE, "request path is not percent-encoded correctly");
        }
        String resource = normalisedResource(sas.resource());
        if (!resource.equals(host) && !isSegmentPrefix(resource, target)) {
            return new SasVerification.Rejected(SasFailure.WRONG_RESOURCE,
                    "sr names '" + SasToken.forLog(resource) + "' which does not cover '" + SasToken.forLog(target) + "'");
        }

        // Policy names are looked up case-insensitively (security.md §2.2, UNVERIFIED for Azure).
        Optional<Policy> policy = policies.stream().filter(p -> p.keyName().equalsIgnoreCase(policyName)).findFirst();
        if (policy.isEmpty()) {
            return new SasVerification.Rejected(SasFailure.UNKNOWN_POLICY,
                    "no shared access policy named '" + SasToken.forLog(policyName) + "'");
        }
        List<SasKey> keys = keysOf(policy.get());
        return SasSignatures.firstMatchingKey(sas, keys)
                .<SasVerification>map(key -> new SasVerification.Accepted(key.role(), Optional.of(policy.get().keyName())))
                .orElseGet(() -> new SasVerification.Rejected(SasFailure.SIGNATURE_MISMATCH,
                        "signature matches none of the keys " + SasSignatures.roles(keys)
                                + " of policy '" + policy.get().keyName() + "'"));
    }

    private static List<SasKey> keysOf(Policy policy) {
        List<SasKey> keys = new ArrayList<>(2);
        if (policy.primaryKey() != null && !policy.primaryKey().isBlank()) {
            keys.add(SasKey.primary(policy.primaryKey()));
        }
        if (policy.secondaryKey() != null && !policy.secondaryKey().isBlank()) {
            keys.add(SasKey.secondary(policy.secondaryKey()));
        }
        return keys;
    }

    /** Java lower-cases sr; others might send "https://host"; compare both ways as §2.2 asks. */
    private static String normalisedResource(String decodedResource) {
        String resource = decodedResource.toLowerCase(Locale.ROOT);
        return resource.startsWith(HTTPS) ? resource.substring(HTTPS.length()) : resource;
    }

    /** "a token for /a/b is valid for /a/b/c but not /a/bc" (security.md §2.2). */
    private static boolean isSegmentPrefix(String resource, String target) {
        if (resource.isEmpty() || !target.startsWith(resource)) {
            return false;
        }
        return target.length() == resource.length()
                || resource.endsWith("/")
                || target.charAt(resource.length()) == '/';
    }

    private static String pathOnly(String requestPath) {
        if (requestPath == null) {
            return "";
        }
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        return PercentEncoding.decode(path).toLowerCase(Locale.ROOT);
    }

    private static String withoutPort(String host) {
        Matcher matcher = HOST_WITH_PORT.matcher(host.strip());
        return matcher.matches() ? matcher.group(1) : host.strip();
    }
}
