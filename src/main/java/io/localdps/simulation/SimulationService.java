package io.localdps.simulation;

import io.localdps.common.InvalidInputException;
import io.localdps.common.NotFoundException;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.hub.LinkedHubService;
import io.localdps.instance.DpsProperties;
import io.localdps.lab.LabCertificateService;
import io.localdps.simulator.ArrivalProfile;
import io.localdps.simulator.Attestation;
import io.localdps.simulator.DeviceOutcome;
import io.localdps.simulator.DpsEndpoint;
import io.localdps.simulator.FleetPlan;
import io.localdps.simulator.FleetRun;
import io.localdps.simulator.FleetSimulator;
import io.localdps.simulator.Protocol;
import io.localdps.simulator.Trust;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Starts and stops runs of the simulated device fleet (issue #6) against this node's own device
 * endpoint, preparing what each run needs: a group's key, a lab CA for minted X.509 leaves, or the
 * individual enrollments of symmetric-key and software-TPM devices.
 *
 * <p>Runs live in this node's memory only (the last {@link #KEPT_RUNS}, the per-device outcomes of
 * the newest {@link #RUNS_WITH_OUTCOMES} only), not in the database: each node of a cluster shows the
 * runs it started, and a restart forgets them (the devices' registration records and hub devices
 * stay). A kept X.509 run holds its lab CA's key in memory, never on disk. One run at a time: a
 * fleet of up to 100,000 devices with a concurrency of up to 10,000 TLS connections is load enough
 * for the node serving it.
 */
@Service
public class SimulationService {

    public static final int KEPT_RUNS = 10;
    /** Runs whose per-device outcomes are kept; older runs keep only their counters (up to 100,000 outcomes each). */
    public static final int RUNS_WITH_OUTCOMES = 2;
    /** Threads making software TPM keys (RSA-2048, CPU-bound) while a TPM run prepares: the server keeps its other cores. */
    static final int TPM_THREADS = 2;
    /** The error key of a problem with the run as a whole rather than one field (shown as a message). */
    static final String FLEET = "fleet";
    private static final Logger log = LoggerFactory.getLogger(SimulationService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** Spreads the starts of a ramp a little, so devices do not arrive in lock-step. */
    private static final Duration RAMP_JITTER = Duration.ofMillis(500);

    private final DeviceEndpointLocator endpoints;
    private final FleetPreparer preparer;
    private final IndividualEnrollments individuals;
    private final Path tpmStates;
    private final Deque<SimulationRun> runs = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    /** Virtual threads: a preparation mostly waits for the database. */
    private final ExecutorService preparations = Executors.newVirtualThreadPerTaskExecutor();

    SimulationService(DeviceEndpointLocator endpoints, EnrollmentGroupService groups, IndividualEnrollmentService enrollments,
                      LabCertificateService lab, LinkedHubService hubs, DpsProperties properties) {
        this.endpoints = endpoints;
        this.preparer = new FleetPreparer(groups, lab, hubs);
        this.individuals = new IndividualEnrollments(enrollments);
        // TPM state stays beside the database, so a simulated TPM keeps its endorsement key across runs and restarts.
        this.tpmStates = Path.of(properties.dataDir(), "simulator", "tpm");
    }

    /** Where this node's simulated devices connect. */
    public DeviceEndpoint endpoint() {
        return endpoints.current();
    }

    /** What a run can target now: the groups devices can join, and the kinds of individual enrollment. */
    public List<SimulationTarget> targets() {
        return preparer.targets();
    }

    /**
     * Validates the settings and starts the fleet. A group's fleet starts at once; the individual
     * enrollments of symmetric-key and TPM fleets are created first, in the background (a TPM's
     * keys take up to 0.2 s each to make), while the run shows what it is preparing.
     *
     * @throws InvalidInputException with field errors when the settings or the target are unusable
     */
    public SimulationRun start(RunSettings settings) {
        Map<String, String> errors = SimulationRules.problems(settings);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        refuseWhileRunning();
        DeviceEndpoint endpoint = endpoints.current();
        boolean https = settings.protocol() == RunSettings.Protocol.HTTPS;
        if (https ? !endpoint.httpsAvailable() : !endpoint.mqttAvailable()) {
            throw new InvalidInputException(SimulationRules.PROTOCOL, "This node's " + (https ? "HTTPS" : "MQTT")
                    + " device endpoint is turned off; choose another protocol.");
        }
        FleetPlan plan = plan(settings, endpoint, attestation(settings));
        return launch(settings, plan, preparer.predictedShares(settings.target()));
    }

    /** Starts the same devices again with the same credentials: they register a second time (reprovisioning). */
    public SimulationRun runAgain(long runId) {
        SimulationRun previous = get(runId);
        refuseWhileRunning();
        return launch(previous.settings(), previous.plan(), previous.predictedShares());
    }

    /** Asks the run to stop: no device starts any more; devices in flight finish their registration. */
    public void stop(long runId) {
        get(runId).stop();
    }

    /** This node's kept runs, newest first. */
    public synchronized List<SimulationRun> runs() {
        return List.copyOf(runs);
    }

    public synchronized Optional<SimulationRun> find(long runId) {
        return runs.stream().filter(run -> run.id() == runId).findFirst();
    }

    public RunProgress progress(long runId) {
        return RunResults.progress(get(runId));
    }

    /** A page of the devices that finished, in the order they finished, narrowed by the filter. */
    public List<DeviceResult> results(long runId, ResultFilter filter, int offset, int limit) {
        SimulationRun run = get(runId);
        return run.fleetNow().map(fleet -> RunResults.page(run, fleet, filter, offset, limit)).orElse(List.of());
    }

    public int countResults(long runId, ResultFilter filter) {
        SimulationRun run = get(runId);
        return run.fleetNow().map(fleet -> RunResults.count(run, fleet, filter)).orElse(0);
    }

    /** The engine's CSV of every finished device so far (UTF-8, RFC 4180). */
    public byte[] csv(long runId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            Optional<FleetRun> fleet = get(runId).fleetNow();
            if (fleet.isPresent()) {
                fleet.get().writeCsv(writer);
            } else {
                writer.write(DeviceOutcome.CSV_HEADER + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @PreDestroy
    synchronized void stopAll() {
        runs.forEach(SimulationRun::stop);
        preparations.shutdownNow();
    }

    private SimulationRun get(long runId) {
        return find(runId).orElseThrow(() -> new NotFoundException("This node keeps no simulation run " + runId
                + "; runs live in the memory of the node that started them."));
    }

    private Attestation attestation(RunSettings settings) {
        SimulationTarget target = settings.target();
        return switch (target.kind()) {
            case SYMMETRIC_GROUP, X509_GROUP -> preparer.groupAttestation(target);
            case SYMMETRIC_INDIVIDUAL -> new Attestation.SymmetricIndividual(individuals.sharedSymmetricKey(
                    new io.localdps.simulator.IdPattern(settings.registrationIds()).format(1)));
            case TPM_INDIVIDUAL -> new Attestation.Tpm(tpmStates, false);
        };
    }

    /** The form's rules mirror the engine's, so a refusal here is a rule the form missed: shown as a message. */
    private static FleetPlan plan(RunSettings settings, DeviceEndpoint endpoint, Attestation attestation) {
        try {
            return buildPlan(settings, endpoint, attestation);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FLEET, "The simulator refused these settings: " + e.getMessage());
        }
    }

    private static FleetPlan buildPlan(RunSettings settings, DeviceEndpoint endpoint, Attestation attestation) {
        // A fleet speaks one protocol, whose endpoint start() checked is on; the engine wants two valid ports,
        // so an endpoint that is off gets the other one's port, which no device of this fleet uses.
        int mqttPort = endpoint.mqttAvailable() ? endpoint.mqttPort() : endpoint.httpsPort();
        int httpsPort = endpoint.httpsAvailable() ? endpoint.httpsPort() : endpoint.mqttPort();
        DpsEndpoint dps = new DpsEndpoint(endpoint.host(), mqttPort, httpsPort, endpoint.idScope(),
                endpoint.certificateNamesHost() ? Trust.certificates(endpoint.trustAnchor())
                        : Trust.certificatesForAnyHost(endpoint.trustAnchor()));
        return FleetPlan.builder(dps, attestation)
                .protocol(switch (settings.protocol()) {
                    case MQTT5 -> Protocol.MQTT5;
                    case MQTT311 -> Protocol.MQTT311;
                    case HTTPS -> Protocol.HTTPS;
                })
                .count(settings.count())
                .idPattern(settings.registrationIds())
                .arrival(switch (settings.arrival()) {
                    case ALL_AT_ONCE -> ArrivalProfile.allAtOnce();
                    case STEADY_RATE -> ArrivalProfile.steady(settings.ratePerSecond());
                    case RAMP -> ArrivalProfile.ramp(settings.ratePerSecond(), Duration.ofSeconds(settings.rampSeconds()))
                            .withJitter(RAMP_JITTER);
                })
                .concurrency(settings.concurrency())
                .payload(settings.payloadTemplate())
                .build();
    }

    private SimulationRun launch(RunSettings settings, FleetPlan plan, Map<String, Double> shares) {
        SimulationRun run = keep(settings, plan, shares);
        if (!needsEnrollments(plan)) {
            run.started(FleetSimulator.start(plan));
        } else {
            // The signed-in user's security context travels along, so the audit log names them for the enrollments made.
            preparations.execute(new DelegatingSecurityContextRunnable(() -> prepareAndStart(run)));
        }
        log.info("Simulator: run {} ({} devices, {}, {})", run.id(), settings.count(), settings.target().label(),
                settings.protocol().label());
        return run;
    }

    private static boolean needsEnrollments(FleetPlan plan) {
        return plan.attestation() instanceof Attestation.Tpm || plan.attestation() instanceof Attestation.SymmetricIndividual;
    }

    /** In the background: the run's individual enrollments, then its fleet; a failure ends the run with its reason. */
    private void prepareAndStart(SimulationRun run) {
        FleetPlan plan = run.plan();
        try {
            int created;
            if (plan.attestation() instanceof Attestation.SymmetricIndividual individual) {
                run.preparing("Creating the individual enrollments of " + plan.count() + " devices…");
                created = individuals.ensureSymmetric(
                        IntStream.range(0, plan.count()).mapToObj(plan::deviceName).toList(), individual.deviceKey(), run::stopRequested);
            } else {
                run.preparing("Creating the software TPMs of " + plan.count() + " devices and their enrollments…");
                created = individuals.ensureTpm(FleetSimulator.tpmIdentities(plan, TPM_THREADS, run::stopRequested), run::stopRequested);
            }
            log.info("Simulator: run {} created {} individual enrollments", run.id(), created);
            run.started(FleetSimulator.start(plan));
        } catch (CancellationException e) {
            log.info("Simulator: run {} stopped while preparing ({})", run.id(), e.getMessage());
            run.failed(new IllegalStateException("Stopped while preparing; the enrollments created so far stay."));
        } catch (InvalidInputException e) {
            run.failed(e);
        } catch (RuntimeException e) {
            log.error("Simulator: preparing run {} failed", run.id(), e);
            run.failed(new IllegalStateException("Preparing the run failed; the details are in the server log.", e));
        }
    }

    private synchronized SimulationRun keep(RunSettings settings, FleetPlan plan, Map<String, Double> shares) {
        refuseWhileRunning();
        long id = ids.incrementAndGet();
        String description = settings.protocol().label() + " · " + settings.arrival().label()
                + (settings.arrival() == RunSettings.Arrival.ALL_AT_ONCE ? "" : " (" + settings.ratePerSecond() + "/s)")
                + " · concurrency " + settings.concurrency() + " · IDs " + settings.registrationIds()
                + " · started " + TIME.format(java.time.Instant.now());
        SimulationRun run = new SimulationRun(id, settings, description, plan, shares);
        runs.addFirst(run);
        while (runs.size() > KEPT_RUNS) {
            // A forgotten run must not go on registering devices nobody can see any more.
            runs.removeLast().stop();
        }
        runs.stream().skip(RUNS_WITH_OUTCOMES).forEach(SimulationRun::forgetOutcomes);
        return run;
    }

    /** At most one run at a time per node; checked again under the lock in {@link #keep}, so two clicks cannot both start. */
    private synchronized void refuseWhileRunning() {
        Optional<SimulationRun> running = runs.stream().filter(SimulationRun::running).findFirst();
        if (running.isPresent()) {
            throw new InvalidInputException(FLEET, running.get().title() + " is still running: stop it or wait until it ends, "
                    + "then start the next run (one run at a time, so the fleet does not starve this node).");
        }
    }
}
