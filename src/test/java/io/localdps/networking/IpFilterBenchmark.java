package io.localdps.networking;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the IP filter costs a connection: nanoseconds per admission check with the full 100 rules
 * when no rule matches (every rule is looked at), against no rules at all. Prints figures only
 * ({@code ./benchmark.sh ipfilter}); never fails on timing.
 */
@Tag("benchmark")
class IpFilterBenchmark {

    private static final int CHECKS = 5_000_000;

    @Test
    void admissionChecksPerConnection() throws Exception {
        List<IpFilterRule> rules = IntStream.range(0, 100)
                .mapToObj(i -> new IpFilterRule("r" + i, FilterAction.REJECT, "10." + i + ".0.0/16", FilterTarget.DEVICE_API)).toList();
        IpFilter full = IpFilter.compile(PublicNetworkAccess.ENABLED, rules);
        InetAddress[] clients = {InetAddress.getByName("203.0.113.7"), InetAddress.getByName("::ffff:198.51.100.1"),
                InetAddress.getByName("192.168.1.1")};

        measure("no rules", IpFilter.OPEN, clients);
        measure("100 rules, none matching", full, clients);
    }

    private static void measure(String label, IpFilter filter, InetAddress[] clients) {
        int admitted = run(filter, clients, CHECKS); // warm-up, lets the JIT compile the loop
        long start = System.nanoTime();
        admitted += run(filter, clients, CHECKS);
        double nanos = (System.nanoTime() - start) / (double) CHECKS;
        System.out.printf("== IP filter, %s: %.0f ns per check (%d admitted)%n", label, nanos, admitted);
    }

    private static int run(IpFilter filter, InetAddress[] clients, int checks) {
        int admitted = 0;
        for (int i = 0; i < checks; i++) {
            if (filter.admits(clients[i % clients.length], NetworkEndpoint.DEVICE_API)) {
                admitted++;
            }
        }
        return admitted;
    }
}
