package io.localdps.attestation;

import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The signature step shared by device and service tokens (security.md §1.2 steps 4–5, §2.2). */
final class SasSignatures {

    private SasSignatures() {
    }

    /**
     * The first key, in the caller's order, whose HMAC-SHA256 over {@code sr + "\n" + se} equals the
     * token's signature. The raw {@code sr} is tried first (what every current SDK signs); the decoded
     * and the upper- and lower-case-hex encoded spellings are tried as well, as §1.2 step 4 asks.
     */
    static Optional<SasKey> firstMatchingKey(SasToken token, List<SasKey> keys) {
        byte[] signature = token.signature();
        Set<String> spellings = resourceSpellings(token);
        for (SasKey key : keys) {
            for (String spelling : spellings) {
                byte[] expected = SymmetricKeys.hmacSha256(key.secret(), token.stringToSign(spelling));
                // Constant time: the comparison must not tell an attacker how many leading bytes were right.
                if (MessageDigest.isEqual(expected, signature)) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    private static Set<String> resourceSpellings(SasToken token) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(token.resourceAsSent());
        spellings.add(token.resource());
        spellings.add(PercentEncoding.encode(token.resource(), true));
        spellings.add(PercentEncoding.encode(token.resource(), false));
        return spellings;
    }

    static String roles(List<SasKey> keys) {
        return keys.stream().map(k -> k.role().name().toLowerCase(Locale.ROOT)).toList().toString();
    }
}
