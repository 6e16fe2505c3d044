package io.localdps.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Random inputs for the allocation property tests, drawn from fixed seeds: every run checks the same cases, and a
 * failure names the seed of the case that broke the property so it can be replayed on its own. There is no shrinking.
 * The generators lean towards the boundaries (shortest and longest ids and labels, weights 1 and 1000) so
 * small and extreme inputs come up often.
 */
final class RandomCases {

    /** Letters, digits and {@code - . _ :} as behaviour.md §11 allows in a registration id. */
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._:";
    private static final int MAX_ID_LENGTH = 128;

    private static final String LABEL_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-";
    private static final int MAX_LABEL_LENGTH = 30;

    private static final int MAX_WEIGHT = 1000;

    private RandomCases() {
    }

    /** One case of a property: its inputs come from {@code random} and nothing else. */
    @FunctionalInterface
    interface Case {
        void check(RandomGenerator random) throws Exception;
    }

    /**
     * Checks {@code tries} cases, each with its own generator seeded from {@code seed}. The first failing case stops
     * the test with its number and seeds in the message; {@code property.check(new SplittableRandom(caseSeed))}
     * replays that case alone.
     */
    static void forEachCase(long seed, int tries, Case property) {
        SplittableRandom caseSeeds = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            long caseSeed = caseSeeds.nextLong();
            try {
                property.check(new SplittableRandom(caseSeed));
            } catch (AssertionError | Exception e) {
                throw new AssertionError("Case " + i + " of " + tries + " from seed " + seed + " (case seed " + caseSeed + ") failed: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Letters, digits and {@code - . _ :}, 1 to 128 characters. */
    static String registrationId(RandomGenerator random) {
        return string(random, ID_CHARACTERS, MAX_ID_LENGTH);
    }

    /** Distinct registration ids, in the order drawn. */
    static List<String> registrationIds(RandomGenerator random, int count) {
        return distinct(count, () -> registrationId(random));
    }

    /** {@code h<label>.azure-devices.net}, the label of {@code a-z 0-9 -} and 1 to 30 characters long. */
    static String hostName(RandomGenerator random) {
        return "h" + string(random, LABEL_CHARACTERS, MAX_LABEL_LENGTH) + ".azure-devices.net";
    }

    /** 1 to 1000, with both ends drawn more often than the rest. */
    static int weight(RandomGenerator random) {
        return switch (random.nextInt(16)) {
            case 0 -> 1;
            case 1 -> MAX_WEIGHT;
            default -> random.nextInt(1, MAX_WEIGHT + 1);
        };
    }

    /** A hub taking part in the policies, in no region. */
    static CandidateHub hub(RandomGenerator random) {
        return new CandidateHub(hostName(random), weight(random), true, null);
    }

    /** A hub whose name differs from every hub of {@link #hubs}. */
    static CandidateHub addedHub(RandomGenerator random) {
        CandidateHub hub = hub(random);
        return new CandidateHub("added-" + hub.hostName(), hub.allocationWeight(), true, null);
    }

    /** {@code minSize} to {@code maxSize} hubs from {@link #hub}, with distinct host names. */
    static List<CandidateHub> hubs(RandomGenerator random, int minSize, int maxSize) {
        return distinctHosts(random.nextInt(minSize, maxSize + 1), () -> hub(random));
    }

    /** 1 to {@code maxLength} characters; the shortest and the longest length each come up one time in sixteen. */
    private static String string(RandomGenerator random, String characters, int maxLength) {
        int length = switch (random.nextInt(16)) {
            case 0 -> 1;
            case 1 -> maxLength;
            default -> random.nextInt(1, maxLength + 1);
        };
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(characters.charAt(random.nextInt(characters.length())));
        }
        return text.toString();
    }

    private static <T> List<T> distinct(int count, Supplier<T> next) {
        Set<T> drawn = new LinkedHashSet<>();
        while (drawn.size() < count) {
            drawn.add(next.get());
        }
        return new ArrayList<>(drawn);
    }

    /** {@code count} hubs from {@code next}, with distinct host names. */
    static List<CandidateHub> distinctHosts(int count, Supplier<CandidateHub> next) {
        Map<String, CandidateHub> byHost = new LinkedHashMap<>();
        while (byHost.size() < count) {
            CandidateHub hub = next.get();
            byHost.putIfAbsent(hub.hostName(), hub);
        }
        return new ArrayList<>(byHost.values());
    }
}
