package io.localdps.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU of a run went: per group of Java threads (by name prefix) from the thread CPU
 * clocks, the whole JVM from the process clock (the rest being GC, JIT and other VM threads),
 * and the whole machine from /proc/stat, since other processes share these cores.
 */
final class CpuSplit {

    /** Thread name prefix → label; the first matching prefix wins, in this order. */
    static final Map<String, String> GROUPS = groups();

    private static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("bench-client", "load generator (Netty client, TLS)");
        groups.put("dps-mqtt-io", "server MQTT event loops (TLS, codec)");
        groups.put("dps-mqtt-accept", "server MQTT accept");
        groups.put("dps-mqtt-request", "server request threads (CONNECT check, register, poll)");
        groups.put("dps-operation-", "server operation workers (allocation, hub, records)");
        groups.put("MVStore", "H2 background writer");
        return groups;
    }

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> threadStart = new HashMap<>();
    private final Map<Long, Long> allocatedStart = new HashMap<>();
    private final long processStart;
    private final long[] machineStart;
    private final long wallStart;

    private CpuSplit() {
        for (long id : threads.getAllThreadIds()) {
            threadStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
            allocatedStart.put(id, Math.max(0, threads.getThreadAllocatedBytes(id)));
        }
        processStart = processCpuNanos();
        machineStart = machineTicks();
        wallStart = System.nanoTime();
    }

    static CpuSplit start() {
        return new CpuSplit();
    }

    /** Milliseconds of CPU per group, plus "other JVM" and "JVM total"; and the machine's share. */
    Report stop() {
        long wall = System.nanoTime() - wallStart;
        Map<String, Long> byGroup = new LinkedHashMap<>();
        Map<String, Long> allocatedByGroup = new LinkedHashMap<>();
        GROUPS.values().forEach(label -> byGroup.put(label, 0L));
        byGroup.put("other Java threads", 0L);
        long javaThreads = 0;
        var infos = threads.getThreadInfo(threads.getAllThreadIds());
        for (var info : infos) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long used = cpu - threadStart.getOrDefault(info.getThreadId(), 0L);
            javaThreads += used;
            String label = GROUPS.entrySet().stream().filter(e -> info.getThreadName().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("other Java threads");
            byGroup.merge(label, used, Long::sum);
            long allocated = threads.getThreadAllocatedBytes(info.getThreadId());
            if (allocated >= 0) {
                allocatedByGroup.merge(label, allocated - allocatedStart.getOrDefault(info.getThreadId(), 0L), Long::sum);
            }
        }
        long process = processCpuNanos() - processStart;
        byGroup.put("JVM outside Java threads (GC, JIT compiler)", Math.max(0, process - javaThreads));
        long[] machineEnd = machineTicks();
        double machineBusy = Double.NaN;
        if (machineStart != null && machineEnd != null) {
            long total = (machineEnd[0] - machineStart[0]) + (machineEnd[1] - machineStart[1]);
            machineBusy = total == 0 ? Double.NaN : (machineEnd[0] - machineStart[0]) / (double) total;
        }
        return new Report(byGroup, allocatedByGroup, process, wall, machineBusy);
    }

    /** @param allocatedBytesByGroup heap allocated by the live threads of each group */
    record Report(Map<String, Long> nanosByGroup, Map<String, Long> allocatedBytesByGroup, long processNanos, long wallNanos,
                  double machineBusyFraction) {

        double processCores() {
            return processNanos / (double) wallNanos;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** {busy, idle} jiffies of all CPUs, or null off Linux. */
    private static long[] machineTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.getFirst().trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]), steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new long[]{user + nice + system + irq + softirq + steal, idle + iowait};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
