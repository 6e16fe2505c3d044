package io.localdps.simulator.cli;

import io.localdps.simulator.ArrivalProfile;
import io.localdps.simulator.Attestation;
import io.localdps.simulator.DpsEndpoint;
import io.localdps.simulator.FleetPlan;
import io.localdps.simulator.FleetProgress;
import io.localdps.simulator.FleetRun;
import io.localdps.simulator.FleetSimulator;
import io.localdps.simulator.Protocol;
import io.localdps.simulator.Trust;
import io.localdps.simulator.tpm.TpmIdentity;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * {@code simulate ...} (see {@code ./simulate.sh --help}): runs a fleet of simulated devices
 * against a DPS from the command line, without Spring, printing progress and a summary.
 * Exit code 0 when every device was assigned, 1 otherwise, 2 for bad options.
 */
public final class SimulatorCommandLine {

    private static final Set<String> VALUES = Set.of("host", "mqtt-port", "https-port", "id-scope", "trust-ca", "protocol",
            "kind", "group-key", "device-key", "group-key-env", "device-key-env", "x509-issuer-cert", "x509-issuer-key", "x509-cert", "x509-key", "pkcs12",
            "pkcs12-password-env", "tpm-dir", "tpm-registration-id", "count", "first", "id-pattern", "rate", "arrival",
            "ramp-seconds", "jitter-ms", "concurrency", "payload", "max-attempts", "timeout-seconds", "csv", "tpm-export",
            "progress-seconds", "request-qos");
    private static final Set<String> FLAGS = Set.of("insecure", "help", "quiet", "report-memory");

    private SimulatorCommandLine() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliOptions options;
        FleetPlan plan;
        try {
            options = CliOptions.parse(args, VALUES, FLAGS);
            if (options.flag("help") || args.length == 0) {
                out.print(usage());
                return args.length == 0 ? 2 : 0;
            }
            plan = plan(options);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return 2;
        }
        try {
            if (options.has("tpm-export")) {
                return exportTpm(plan, Path.of(options.value("tpm-export")), out);
            }
            return runFleet(plan, options, out);
        } catch (IOException | UncheckedIOException e) {
            err.println("simulate: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int runFleet(FleetPlan plan, CliOptions options, PrintStream out) throws IOException, InterruptedException {
        FleetRun run = FleetSimulator.start(plan);
        Thread stopOnCtrlC = new Thread(() -> {
            run.stop();
            run.completion().orTimeout(Math.min(15, plan.deviceTimeout().toSeconds()), TimeUnit.SECONDS).exceptionally(e -> null).join();
        });
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        long every = Math.max(100, (long) (options.decimal("progress-seconds", 1) * 1000));
        MemoryWatch memory = options.flag("report-memory") ? new MemoryWatch() : null;
        FleetProgress last;
        while (true) {
            try {
                last = run.completion().get(every, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                FleetProgress now = run.progress();
                if (memory != null) {
                    memory.sample(now);
                }
                if (!options.flag("quiet")) {
                    out.println(FleetReport.progressLine(now));
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came meanwhile: the hook is running already
        }
        out.println(FleetReport.progressLine(last));
        FleetReport.printSummary(run, last, out);
        if (memory != null) {
            memory.print(out);
        }
        if (options.has("csv")) {
            try (Writer csv = Files.newBufferedWriter(Path.of(options.value("csv")), StandardCharsets.UTF_8)) {
                run.writeCsv(csv);
            }
            out.println("  results     " + options.value("csv"));
        }
        return last.assigned() == last.total() ? 0 : 1;
    }

    private static int exportTpm(FleetPlan plan, Path file, PrintStream out) throws IOException {
        List<TpmIdentity> identities = FleetSimulator.tpmIdentities(plan);
        try (Writer csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            csv.write(TpmIdentity.CSV_HEADER + "\r\n");
            for (TpmIdentity identity : identities) {
                identity.writeCsv(csv);
            }
        }
        out.println("Wrote the registration ID and endorsement key of " + identities.size() + " TPM devices to " + file
                + "; create an individual enrollment (attestation TPM) for each, then run without --tpm-export.");
        return 0;
    }

    static FleetPlan plan(CliOptions options) {
        return plan(options, System::getenv);
    }

    /** With {@code environment} reading the variables named by the {@code -env} options (tests pass a map). */
    static FleetPlan plan(CliOptions options, UnaryOperator<String> environment) {
        boolean insecure = "insecure".equals(options.oneOf(List.of("trust-ca", "insecure")));
        Trust trust = insecure ? Trust.all() : Trust.pem(read(options.value("trust-ca")));
        DpsEndpoint endpoint = new DpsEndpoint(options.value("host", "localhost"), options.integer("mqtt-port", 8883),
                options.integer("https-port", 443), options.required("id-scope"), trust);
        String kind = options.value("kind", "symmetric");
        Protocol protocol = Protocol.of(options.value("protocol", "tpm".equals(kind) ? "https" : "mqtt5"));
        FleetPlan.Builder plan = FleetPlan.builder(endpoint, attestation(kind, options, environment)).protocol(protocol)
                .count(options.integer("count", 1)).firstNumber(options.integer("first", 1))
                .idPattern(options.value("id-pattern", "sim-{n:05}")).arrival(arrival(options))
                .concurrency(options.integer("concurrency", 100)).payload(options.value("payload"))
                .maxAttempts(options.integer("max-attempts", 10))
                .deviceTimeout(Duration.ofSeconds(options.integer("timeout-seconds", 120)))
                .requestQos(options.integer("request-qos", 1));
        return plan.build();
    }

    private static Attestation attestation(String kind, CliOptions options, UnaryOperator<String> environment) {
        return switch (kind) {
            // the -env forms keep the key out of the command line, which other users see in ps and the shell history
            case "symmetric" -> switch (options.oneOf(List.of("group-key", "device-key", "group-key-env", "device-key-env"))) {
                case "group-key" -> new Attestation.SymmetricGroup(options.value("group-key"));
                case "group-key-env" -> new Attestation.SymmetricGroup(variable(options, "group-key-env", environment));
                case "device-key" -> new Attestation.SymmetricIndividual(options.value("device-key"));
                default -> new Attestation.SymmetricIndividual(variable(options, "device-key-env", environment));
            };
            case "x509" -> switch (options.oneOf(List.of("x509-issuer-cert", "x509-cert", "pkcs12"))) {
                case "x509-issuer-cert" -> Attestation.X509Issued.fromPem(read(options.value("x509-issuer-cert")),
                        read(options.required("x509-issuer-key")));
                case "x509-cert" -> Attestation.X509Supplied.fromPem(read(options.value("x509-cert")), read(options.required("x509-key")));
                default -> Attestation.X509Supplied.fromPkcs12(Path.of(options.value("pkcs12")), pkcs12Password(options, environment));
            };
            case "tpm" -> new Attestation.Tpm(Path.of(options.required("tpm-dir")),
                    !"pattern".equals(options.value("tpm-registration-id", "ek")));
            default -> throw new IllegalArgumentException("--kind is symmetric, x509 or tpm, not '" + kind + "'");
        };
    }

    private static char[] pkcs12Password(CliOptions options, UnaryOperator<String> environment) {
        if (!options.has("pkcs12-password-env")) {
            return new char[0];
        }
        return variable(options, "pkcs12-password-env", environment).toCharArray();
    }

    /** The value of the environment variable the option names. */
    private static String variable(CliOptions options, String option, UnaryOperator<String> environment) {
        String name = options.value(option);
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the environment variable " + name + " (--" + option + ") is not set");
        }
        return value;
    }

    private static ArrivalProfile arrival(CliOptions options) {
        String shape = options.value("arrival", options.has("rate") ? "steady" : "all");
        double rate = options.decimal("rate", 0);
        ArrivalProfile profile = switch (ArrivalProfile.Shape.of(shape)) {
            case ALL -> ArrivalProfile.allAtOnce();
            case STEADY -> ArrivalProfile.steady(rate);
            case RAMP -> ArrivalProfile.ramp(rate, Duration.ofMillis((long) (options.decimal("ramp-seconds", 10) * 1000)));
        };
        return profile.withJitter(Duration.ofMillis(options.integer("jitter-ms", 0)));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String usage() {
        return """
                usage: ./simulate.sh [options]      a fleet of simulated devices registering with a DPS over the wire

                endpoint     --host localhost --mqtt-port 8883 --https-port 443 --id-scope 0ne00ABC123
                trust        --trust-ca ca.pem (the DPS device CA) | --insecure (accept any server certificate)
                protocol     --protocol mqtt5|mqtt311|https (default mqtt5; TPM devices: https)
                attestation  --kind symmetric --group-key-env VAR | --device-key-env VAR   (the key in that variable)
                                              --group-key <base64> | --device-key <base64>   (visible in ps)
                             --kind x509 --x509-issuer-cert ca.pem --x509-issuer-key ca.key   (mint a leaf per device)
                                         --x509-cert leaf.pem --x509-key leaf.key | --pkcs12 dev.p12 [--pkcs12-password-env VAR]
                             --kind tpm --tpm-dir state/ [--tpm-registration-id ek|pattern]
                             --tpm-export devices.csv   write each TPM device's registration ID and EK, then exit
                fleet        --count 1000 --id-pattern 'sim-{n:05}' [--first 1]
                             --arrival all|steady|ramp --rate <devices/s> --ramp-seconds 10 --jitter-ms 0
                             --concurrency 100 --payload '{"modelId":"{id}"}' --max-attempts 10 --timeout-seconds 120
                output       --csv results.csv --progress-seconds 1 --quiet --report-memory
                """;
    }
}
