package io.localdps.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU of another local process tree from /proc (Linux only): here the embedded PostgreSQL's
 * postmaster, found by its port, and its backends. Backends that ended are included through the
 * postmaster's waited-for-children times.
 */
final class ProcessCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private ProcessCpu() {
    }

    /** The postmaster's pid: a process named postgres whose arguments hold {@code -p <port>}. */
    static OptionalLong postmaster(int port) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                            return cmd.contains("postgres") && cmd.contains("-p\0" + port + "\0");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Nanoseconds of CPU of the process, its reaped children and its live children. */
    static long treeNanos(long pid) {
        long total = ticks(pid, true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            total += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        String[] stat = stat(Long.parseLong(p.getFileName().toString()));
                        return stat != null && Long.parseLong(stat[3]) == pid ? ticks(Long.parseLong(stat[0]), false) : 0;
                    }).sum();
        } catch (IOException e) {
            return -1;
        }
        return total * NANOS_PER_TICK;
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long ticks = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        return withReapedChildren ? ticks + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : ticks;
    }

    /** The fields of /proc/pid/stat, the command name (which may hold spaces) squeezed to one field. */
    private static String[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int open = text.indexOf('('), close = text.lastIndexOf(')');
            String rest = text.substring(close + 2);
            String[] tail = rest.split(" ");
            String[] fields = new String[tail.length + 2];
            fields[0] = text.substring(0, open).trim();
            fields[1] = "comm";
            System.arraycopy(tail, 0, fields, 2, tail.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
