package io.localdps.benchmark;

import io.localdps.LocalDpsApplication;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.mqtt.MqttEndpoint;
import io.localdps.testsupport.EmbeddedPostgresServer;
import io.localdps.tls.DeviceTlsMaterial;
import io.localdps.tls.Pem;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * N concurrent symmetric-key registrations over MQTT/TLS; prints registrations per second and
 * latency percentiles. Run with {@code ./benchmark.sh registrations} (see there for the knobs).
 *
 * <p>By default it starts LocalDPS in this JVM (the whole application, H2 in a file under a
 * temporary directory, free ports) and prepares it through its own services: one symmetric-key
 * enrollment group over two linked hubs. With {@code -Dbench.port=...} it drives any running DPS
 * instead: {@code bench.host}, {@code bench.port}, {@code bench.id-scope}, {@code bench.group-key}
 * (a symmetric-key group's primary key) and {@code bench.ca-pem} (the device CA to trust).
 *
 * <p>Devices poll immediately on every 202, ignoring retry-after, so the latencies are the
 * server's (plus the loopback and the generator's own TLS work). It never fails on timing.
 */
@Tag("benchmark")
class MqttRegistrationBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-admin-password-1";

    /** The same without Maven: {@code java -cp <test classpath> io.localdps.benchmark.MqttRegistrationBenchmark}, -Dbench.* as above. */
    public static void main(String[] args) throws Exception {
        new MqttRegistrationBenchmark().printsRegistrationsPerSecondAndLatencies();
        System.exit(0);
    }

    @Test
    void printsRegistrationsPerSecondAndLatencies() throws Exception {
        int devices = Integer.getInteger("bench.devices", 5000);
        int concurrency = Integer.getInteger("bench.concurrency", 200);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        int clientThreads = Integer.getInteger("bench.client-threads", 2);
        int requestQos = Integer.getInteger("bench.request-qos", 1);
        boolean resumeTls = Boolean.getBoolean("bench.resume-tls");
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.device-timeout-seconds", 60));
        Duration measureFor = Duration.ofSeconds(Integer.getInteger("bench.max-seconds", 45));
        Duration warmFor = Duration.ofSeconds(Integer.getInteger("bench.warmup-max-seconds", 15));
        String run = UUID.randomUUID().toString().substring(0, 6);

        ConfigurableApplicationContext server = null;
        Path dataDir = null;
        MqttRegistrationLoad.Target target;
        String where;
        try {
            if (System.getProperty("bench.port") != null) {
                target = externalTarget();
                where = "external DPS at " + target.host() + ":" + target.port();
            } else {
                dataDir = Files.createTempDirectory("localdps-bench-");
                long startedAt = System.nanoTime();
                server = startServer(dataDir);
                target = prepare(server);
                where = String.format(Locale.ROOT, "LocalDPS in this JVM on 127.0.0.1:%d (started in %.1f s)",
                        target.port(), (System.nanoTime() - startedAt) / 1e9);
            }
            System.out.printf(Locale.ROOT, "== MQTT/TLS symmetric-key registrations: %d devices, %d in flight, %d client "
                            + "event loop(s), request QoS %d%s; %s%n", devices, concurrency, clientThreads, requestQos,
                    resumeTls ? ", TLS RESUMPTION (unrealistic)" : "", where);
            if (server != null) {
                System.out.println("  server settings      " + serverSettings(server));
            }
            System.out.println("  TLS                  client " + System.getProperty("bench.client-tls", "jdk").toUpperCase(Locale.ROOT)
                    + (server == null ? "" : ", server " + (io.netty.handler.ssl.OpenSsl.isAvailable()
                    ? "OPENSSL (netty-tcnative on the class path)" : "JDK")));
            if (warmup > 0) {
                var warm = MqttRegistrationLoad.run(target, new MqttRegistrationLoad.Options(warmup, concurrency,
                        "bench-" + run + "-warm-", clientThreads, requestQos, resumeTls, timeout, warmFor));
                System.out.printf(Locale.ROOT, "  warm-up              %d devices in %.1f s: %.0f registrations/s, errors %s%n",
                        warm.assigned(), warm.elapsedNanos() / 1e9, warm.perSecond(),
                        warm.errors().isEmpty() ? "none" : warm.errors());
            }
            int existing = Integer.getInteger("bench.existing-records", 0);
            if (server != null && existing > 0) {
                long filledAt = System.nanoTime();
                fillRecords(server.getBean(JdbcTemplate.class), existing);
                System.out.printf(Locale.ROOT, "  existing records     %d more registration records added before the run (%.1f s)%n",
                        existing, (System.nanoTime() - filledAt) / 1e9);
            }
            boolean dbStatistics = server != null && Boolean.getBoolean("bench.db-statistics")
                    && server.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
            if (dbStatistics) {
                DbStatistics.reset(server.getBean(JdbcTemplate.class));
            }
            String jfr = System.getProperty("bench.jfr", "");
            Recording recording = jfr.isBlank() ? null : new Recording(Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.start();
            }
            OptionalLong postgres = server == null ? OptionalLong.empty() : postgresPid(server);
            long postgresBefore = postgres.isPresent() ? ProcessCpu.treeNanos(postgres.getAsLong()) : 0;
            var result = MqttRegistrationLoad.run(target, new MqttRegistrationLoad.Options(devices, concurrency,
                    "bench-" + run + "-", clientThreads, requestQos, resumeTls, timeout, measureFor));
            long postgresUsed = postgres.isPresent() ? ProcessCpu.treeNanos(postgres.getAsLong()) - postgresBefore : -1;
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(jfr));
                recording.close();
                System.out.println("  JFR profile of the measured run: " + jfr);
            }
            print(result, result.cpu(), server != null);
            if (postgresUsed >= 0) {
                System.out.printf(Locale.ROOT, "    %-58s %6.2f ms/registration%n", "PostgreSQL server processes (outside this JVM)",
                        postgresUsed / 1e6 / Math.max(1, result.assigned()));
            }
            if (dbStatistics) {
                DbStatistics.print(server.getBean(JdbcTemplate.class), result.assigned());
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (dataDir != null) {
                deleteRecursively(dataDir);
            }
        }
    }

    private static ConfigurableApplicationContext startServer(Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dps.data-dir", dataDir.toString());
        if ("postgresql".equalsIgnoreCase(System.getProperty("bench.database", "h2"))) {
            // The embedded PostgreSQL 18 of the tests: its processes' CPU shows in the machine figure only.
            properties.put("spring.datasource.url", EmbeddedPostgresServer.newDatabase());
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:file:" + dataDir + "/localdps;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64"
                    + System.getProperty("bench.h2-options", ""));
        }
        properties.put("server.port", "0");
        properties.put("dps.mqtt.port", "0");
        properties.put("dps.https.port", "0");
        properties.put("dps.admin.password", ADMIN_PASSWORD);
        properties.put("vaadin.devmode.devTools.enabled", "false");
        properties.put("logging.level.root", "warn");
        // Extra server properties: -Dbench.server-args="--dps.registration.worker-threads=16 --dps.mqtt.request-threads=16"
        for (String arg : System.getProperty("bench.server-args", "").trim().split("\\s+")) {
            if (arg.startsWith("--") && arg.contains("=")) {
                properties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.isEmpty()) {
                throw new IllegalArgumentException("bench.server-args takes --name=value arguments, not " + arg);
            }
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplication(LocalDpsApplication.class).run(args);
    }

    /** One symmetric-key group (keys generated, hashed allocation over all linked hubs) and two linked hubs. */
    private static MqttRegistrationLoad.Target prepare(ConfigurableApplicationContext server) {
        LinkedHubService hubs = server.getBean(LinkedHubService.class);
        hubs.link("bench-hub-1.azure-devices.net", LinkedHubSettings.defaults());
        hubs.link("bench-hub-2.azure-devices.net", LinkedHubSettings.defaults());
        var group = server.getBean(EnrollmentGroupService.class)
                .create("bench-group", Attestation.symmetricKey(null, null), EnrollmentSettings.defaults());
        return new MqttRegistrationLoad.Target("127.0.0.1", server.getBean(MqttEndpoint.class).port(),
                server.getBean(InstanceService.class).idScope(), group.attestation().symmetricKey().primaryKey(),
                server.getBean(DeviceTlsMaterial.class).trustAnchor());
    }

    private static MqttRegistrationLoad.Target externalTarget() throws IOException {
        String ca = required("bench.ca-pem");
        var certificates = Pem.readCertificates(Files.readString(Path.of(ca)));
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + ca);
        }
        return new MqttRegistrationLoad.Target(System.getProperty("bench.host", "127.0.0.1"),
                Integer.parseInt(required("bench.port")), required("bench.id-scope"), required("bench.group-key"),
                certificates.getLast());
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is needed with -Dbench.port (an external DPS)");
        }
        return value;
    }

    /**
     * Copies of a record the warm-up left (or of nothing, without warm-up) under other registration
     * IDs: a database that has already seen many devices, in one statement on H2 and PostgreSQL.
     */
    private static void fillRecords(JdbcTemplate jdbc, int count) {
        String columns = "version, enrollment_group_id, group_key, attestation_type, status, substatus, assigned_hub, "
                + "error_code, error_message, payload, attempts, created, updated";
        boolean postgres = isPostgres(jdbc);
        String numbers = postgres ? "generate_series(1, " + count + ") AS n(x)" : "SYSTEM_RANGE(1, " + count + ") AS n(x)";
        jdbc.update("INSERT INTO registration_record (registration_id, registration_key, device_id, " + columns + ") "
                + "SELECT 'filler-' || n.x, 'filler-' || n.x, 'filler-' || n.x, " + columns.replaceAll("(\\w+)", "r.$1")
                + " FROM registration_record r, " + numbers
                + " WHERE r.id = (SELECT MIN(id) FROM registration_record)");
    }

    private static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
                .toLowerCase(Locale.ROOT).contains("postgres")));
    }

    private static OptionalLong postgresPid(ConfigurableApplicationContext server) {
        String url = server.getEnvironment().getProperty("spring.datasource.url", "");
        var port = java.util.regex.Pattern.compile("^jdbc:postgresql://(localhost|127\\.0\\.0\\.1):(\\d+)/").matcher(url);
        return port.find() ? ProcessCpu.postmaster(Integer.parseInt(port.group(2))) : OptionalLong.empty();
    }

    private static String serverSettings(ConfigurableApplicationContext server) {
        var env = server.getEnvironment();
        String workers = env.getProperty("dps.registration.worker-threads", "8");
        String requests = env.getProperty("dps.mqtt.request-threads", "8");
        String replyDelay = env.getProperty("dps.mqtt.reply-delay", "100ms");
        String pool = env.getProperty("spring.datasource.hikari.maximum-pool-size", "10");
        return "worker-threads " + workers + ", mqtt request-threads " + requests + ", reply-delay " + replyDelay
                + ", DB pool " + pool + ", " + env.getProperty("spring.datasource.url");
    }

    private static void print(MqttRegistrationLoad.Result result, CpuSplit.Report cpu, boolean inProcess) {
        int assigned = result.assigned();
        System.out.printf(Locale.ROOT, "  registrations/s      %.0f  (%d of %d assigned in %.2f s%s)%n",
                result.perSecond(), assigned, result.devices() - result.notStarted(), result.elapsedNanos() / 1e9,
                result.notStarted() == 0 ? "" : "; the time limit left " + result.notStarted() + " of " + result.devices()
                        + " devices unstarted");
        System.out.println("  connect→assigned ms  " + percentiles(result.connectToAssigned()));
        System.out.println("  register→assigned ms " + percentiles(result.registerToAssigned()));
        System.out.println("  TLS connect ms       " + percentiles(result.handshake()));
        System.out.printf(Locale.ROOT, "  polls per device     %.2f%n", result.polls() / (double) Math.max(1, result.devices() - result.notStarted()));
        System.out.println("  errors               " + (result.errors().isEmpty() ? "none" : result.errors()));
        double perRegistration = Math.max(1, assigned);
        System.out.printf(Locale.ROOT, "  CPU                  this JVM %.2f cores (%.2f ms per registration); machine %.0f%% busy "
                        + "of %d cores (other processes included)%n", cpu.processCores(), cpu.processNanos() / 1e6 / perRegistration,
                100 * cpu.machineBusyFraction(), Runtime.getRuntime().availableProcessors());
        cpu.nanosByGroup().forEach((group, nanos) -> {
            if (nanos > 0 && (inProcess || group.startsWith("load") || group.startsWith("JVM"))) {
                long allocated = cpu.allocatedBytesByGroup().getOrDefault(group, 0L);
                System.out.printf(Locale.ROOT, "    %-58s %6.2f ms/registration%s%n", group, nanos / 1e6 / perRegistration,
                        allocated > 0 ? String.format(Locale.ROOT, " %7.0f KB allocated", allocated / 1024.0 / perRegistration) : "");
            }
        });
    }

    private static String percentiles(long[] nanos) {
        return String.format(Locale.ROOT, "p50 %.1f  p95 %.1f  p99 %.1f  max %.1f",
                MqttRegistrationLoad.percentileMillis(nanos, 50), MqttRegistrationLoad.percentileMillis(nanos, 95),
                MqttRegistrationLoad.percentileMillis(nanos, 99), MqttRegistrationLoad.percentileMillis(nanos, 100));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
