package io.localdps.simulator;

import io.localdps.simulator.tpm.SoftwareTpm;
import io.localdps.simulator.tpm.TpmIdentity;
import io.localdps.simulator.tpm.TpmStateStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a fleet's devices at their due times (the arrival profile) while at most
 * {@code concurrency} are in flight: one launcher thread sleeps until the next device is due, takes
 * a slot of the semaphore, and starts the device on a virtual thread that gives the slot back
 * when the device ends. Devices not yet due hold nothing but a number.
 */
final class FleetLauncher {

    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final FleetPlan plan;
    private final FleetRun run;
    private final RunResources resources;
    private final DeviceIdentity.Factory identities;
    private final Semaphore slots;
    private final AtomicInteger remaining;

    private FleetLauncher(FleetPlan plan, FleetRun run) {
        this.plan = plan;
        this.run = run;
        this.resources = RunResources.of(plan);
        this.identities = new DeviceIdentity.Factory(plan);
        this.slots = new Semaphore(plan.concurrency());
        this.remaining = new AtomicInteger(plan.count());
    }

    static void launch(FleetPlan plan, FleetRun run) {
        FleetLauncher launcher = new FleetLauncher(plan, run);
        Thread.ofVirtual().name("sim-launcher").start(launcher::launchAll);
    }

    private void launchAll() {
        SplittableRandom random = new SplittableRandom();
        long start = System.nanoTime();
        int position = 0;
        try {
            for (; position < plan.count(); position++) {
                long due = start + plan.arrival().dueNanos(position, random);
                if (!waitUntil(due) || !takeSlot()) {
                    break;
                }
                int devicePosition = position;
                Thread.ofVirtual().name("sim-device-", position).start(() -> runDevice(devicePosition));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (; position < plan.count(); position++) {
                finished(new DeviceOutcome(plan.firstNumber() + position, plan.deviceName(position), DeviceStatus.STOPPED, null,
                        null, null, 0, 0, -1, 0, "not started", Instant.now()), false);
            }
        }
    }

    private void runDevice(int position) {
        DeviceOutcome outcome;
        try {
            DeviceIdentity identity;
            try {
                identity = identities.create(position);
            } catch (RuntimeException e) {
                outcome = new DeviceOutcome(plan.firstNumber() + position, plan.deviceName(position), DeviceStatus.ERROR, null,
                        null, null, 0, 0, -1, 0, "device identity: " + e.getMessage(), Instant.now());
                run.deviceStarted();
                finished(outcome, true);
                return;
            }
            run.deviceStarted();
            outcome = new DeviceFlow(plan, run, resources, identity).run();
            finished(outcome, true);
        } finally {
            slots.release();
        }
    }

    private void finished(DeviceOutcome outcome, boolean started) {
        run.record(outcome, started);
        if (remaining.decrementAndGet() == 0) {
            resources.close();
            run.finish();
        }
    }

    /** Sleeps until {@code due}; false if the run was stopped meanwhile. */
    private boolean waitUntil(long due) throws InterruptedException {
        while (true) {
            if (run.isStopping()) {
                return false;
            }
            long left = due - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, STOP_CHECK_NANOS));
        }
    }

    /** Takes a concurrency slot; false if the run was stopped while waiting for one. */
    private boolean takeSlot() throws InterruptedException {
        while (!slots.tryAcquire(STOP_CHECK_NANOS, TimeUnit.NANOSECONDS)) {
            if (run.isStopping()) {
                return false;
            }
        }
        if (run.isStopping()) {
            slots.release();
            return false;
        }
        return true;
    }

    /** Each worker of a pool of its own takes the next device until all are made or the caller stops. */
    static List<TpmIdentity> tpmIdentities(FleetPlan plan, Attestation.Tpm tpm, int threads, BooleanSupplier stopped) {
        TpmStateStore store = new TpmStateStore(tpm.stateDirectory());
        TpmIdentity[] identities = new TpmIdentity[plan.count()];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, plan.count()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("simulator-tpm-", 1).factory());
        try {
            List<Future<?>> tasks = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                tasks.add(pool.submit(() -> {
                    for (int position = next.getAndIncrement(); position < identities.length && !stopped.getAsBoolean();
                         position = next.getAndIncrement()) {
                        String name = plan.deviceName(position);
                        SoftwareTpm device = store.open(name);
                        identities[position] = new TpmIdentity(name, tpm.ekRegistrationIds() ? device.defaultRegistrationId() : name,
                                device.endorsementKeyBase64(), device.storageRootKeyBase64());
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while making the TPMs");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (stopped.getAsBoolean()) {
            throw new CancellationException("stopped while making the TPMs");
        }
        return List.of(identities);
    }
}
