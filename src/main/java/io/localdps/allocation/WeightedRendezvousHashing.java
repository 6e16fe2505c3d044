package io.localdps.allocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code hashed} policy: weighted rendezvous hashing exactly as behaviour.md §5.2.
 * <pre>
 *   x(h)     = first 8 bytes of SHA-256(UTF-8(lower(registrationId) + "|" + lower(hubHost))), unsigned big-endian
 *   u(h)     = (x(h) + 0.5) / 2^64
 *   score(h) = -weight(h) / ln(u(h))          the highest score wins; equal scores go to the smaller host name
 * </pre>
 * Every hub's score depends only on the device and that hub, so adding a hub moves only the devices
 * the new hub wins, and removing one moves only its own devices. Each hub's share of devices is
 * proportional to its weight.
 */
public final class WeightedRendezvousHashing {

    private static final double TWO_TO_THE_64 = 0x1p64;

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(scored -> scored.hub().hostName());

    private WeightedRendezvousHashing() {
    }

    /** The winning hub, or empty when there are no hubs. */
    public static Optional<CandidateHub> choose(String registrationId, List<CandidateHub> hubs) {
        return hubs.stream()
                .map(hub -> new Scored(hub, score(registrationId, hub.hostName(), hub.allocationWeight())))
                .min(BEST_FIRST)
                .map(Scored::hub);
    }

    public static double score(String registrationId, String hubHostName, int weight) {
        // StrictMath, not Math: Math.log may differ by an ulp between JVMs and CPUs, and a device must keep
        // its hub when the server moves to another machine.
        return -weight / StrictMath.log(uniform(registrationId, hubHostName));
    }

    /** {@code u(h)}: the device/hub pair's hash as a number strictly between 0 and 1. */
    static double uniform(String registrationId, String hubHostName) {
        String key = registrationId.toLowerCase(Locale.ROOT) + "|" + hubHostName.toLowerCase(Locale.ROOT);
        byte[] digest = sha256(key.getBytes(StandardCharsets.UTF_8));
        long x = 0;
        for (int i = 0; i < 8; i++) {
            x = (x << 8) | (digest[i] & 0xff);
        }
        double u = (unsignedToDouble(x) + 0.5) / TWO_TO_THE_64;
        // A double cannot tell x from 2^64 in the top 2^-53 of the range; u = 1 would give ln(u) = 0 and
        // turn the best possible score into -infinity, so stay just below 1 as the exact formula does.
        return Math.min(u, Math.nextDown(1.0));
    }

    /** Rounds like a correctly rounded conversion; the low bit kept in the halved value decides ties. */
    private static double unsignedToDouble(long x) {
        if (x >= 0) {
            return x;
        }
        return (double) ((x >>> 1) | (x & 1)) * 2.0;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private record Scored(CandidateHub hub, double score) {
    }
}
