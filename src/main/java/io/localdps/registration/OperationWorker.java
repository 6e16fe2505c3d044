package io.localdps.registration;

import io.localdps.common.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finishes operations off the request threads. An operation is claimed in the database before it
 * is worked on, so with several nodes each runs exactly once; an operation whose node died (its
 * claim ran out) or that was never picked up (the node stopped right after the 202) is found by
 * the sweep and finished by whichever node sees it first.
 */
@Component
class OperationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OperationWorker.class);

    private final RegistrationStore store;
    private final ProvisioningProcess process;
    private final RegistrationMetrics metrics;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final int threads;
    private final Duration lease;
    private final Duration unclaimedGrace;
    private final Duration shutdownWait;
    /** Operations this node holds a claim on and is working on: only these are renewed. */
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    /** Operations waiting in this node's queue: the sweep must not queue them again while they wait. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** The claim and every read before the allocation: one transaction, not one per read. */
    private final TransactionTemplate claimAndRead;
    private volatile ExecutorService executor;
    /** device-api.md §4: the error code of an internal error. */
    private static final int INTERNAL_ERROR = 500000;

    /** Set while the database is unreachable, so an outage is logged once and its end once, not per operation and sweep. */
    private final AtomicBoolean databaseDown = new AtomicBoolean();

    /**
     * @param lease          how long a claim lasts: a node that dies mid-operation delays it by this much
     * @param unclaimedGrace how old an operation nobody claimed must be before the sweep takes it
     */
    OperationWorker(RegistrationStore store, ProvisioningProcess process, RegistrationMetrics metrics,
                    @Value("${dps.registration.worker-threads:8}") int threads,
                    @Value("${dps.registration.claim-lease:PT60S}") Duration lease,
                    @Value("${dps.registration.unclaimed-grace:PT5S}") Duration unclaimedGrace,
                    @Value("${dps.registration.shutdown-wait:PT5S}") Duration shutdownWait,
                    @Value("${dps.registration.claim-renewal:PT20S}") Duration claimRenewal,
                    PlatformTransactionManager transactions) {
        this.claimAndRead = new TransactionTemplate(transactions);
        this.shutdownWait = shutdownWait;
        this.store = store;
        this.process = process;
        this.metrics = metrics;
        this.threads = threads;
        this.lease = lease;
        this.unclaimedGrace = unclaimedGrace;
        if (claimRenewal.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalStateException("dps.registration.claim-renewal (" + claimRenewal + ") must be at most half of "
                    + "dps.registration.claim-lease (" + lease + "), or a live node's claims could run out");
        }
    }

    void submit(String operationId) {
        ExecutorService running = executor;
        if (running == null) {
            return; // the sweep picks it up once the worker runs
        }
        if (working.contains(operationId) || !queued.add(operationId)) {
            return; // already on its way on this node
        }
        metrics.operationQueued();
        try {
            running.execute(() -> {
                queued.remove(operationId);
                try {
                    work(operationId);
                } finally {
                    metrics.operationLeft();
                }
            });
        } catch (RejectedExecutionException stopping) {
            queued.remove(operationId);
            metrics.operationLeft();
            log.debug("Worker stopping; operation {} left for the sweep", operationId);
        }
    }

    private void work(String operationId) {
        if (!working.add(operationId)) {
            return; // this node already works on it (a sweep and a submit raced)
        }
        try {
            Claimed claimed = claimAndRead.execute(status -> {
                if (!store.claim(operationId, node, lease)) {
                    return null;
                }
                RegistrationOperation operation = store.operation(operationId).orElseThrow();
                RegistrationRecord record = store.record(operation.work().registrationId()).orElse(null);
                return new Claimed(operation, record, process.load(operation.work()));
            });
            if (claimed == null) {
                return;
            }
            Provisioning outcome = process.run(claimed.operation().work(), claimed.record(), claimed.inputs());
            store.complete(operationId, outcome);
            databaseBack();
        } catch (ConcurrencyFailureException conflict) {
            // Another writer changed the device's record meanwhile (an admin deleted it, say): the work is
            // still valid, so it is done again once the claim runs out rather than failed.
            log.warn("Operation {} met a concurrent change ({}); it is retried after its claim runs out",
                    operationId, conflict.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                databaseLost(e);
                return; // its claim, if it was taken, runs out and the sweep retries it
            }
            failCleanly(operationId, e);
        } finally {
            working.remove(operationId);
        }
    }

    private record Claimed(RegistrationOperation operation, RegistrationRecord record, ProvisioningProcess.Inputs inputs) {
    }

    /**
     * An error no retry can cure (a bug, an enrollment the process cannot handle) ends the operation as
     * failed with the spec's internal error, instead of being retried each time its claim runs out.
     */
    private void failCleanly(String operationId, RuntimeException cause) {
        log.error("Operation {} failed unexpectedly; it ends as failed with error 500000", operationId, cause);
        try {
            store.complete(operationId, new Provisioning.Ended(RegistrationStatus.FAILED, INTERNAL_ERROR,
                    "Internal error while provisioning the device; the DPS log has the details."));
        } catch (RuntimeException notRecorded) {
            log.error("Operation {} could not be ended; it is retried after its claim runs out", operationId, notRecorded);
        }
    }

    /**
     * A webhook with Azure's retry schedule can take minutes: renewing keeps a live node's claim from
     * running out (and another node from working the same operation at the same time), so the lease
     * only bounds how long a dead node's operations wait.
     */
    @Scheduled(fixedDelayString = "${dps.registration.claim-renewal:PT20S}")
    void renewClaims() {
        if (working.isEmpty()) {
            return;
        }
        try {
            store.renew(List.copyOf(working), node, lease);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            databaseLost(e);
        }
    }

    @Scheduled(fixedDelayString = "${dps.registration.sweep-interval:PT5S}")
    void sweep() {
        if (executor == null) {
            return;
        }
        List<String> stalled;
        try {
            stalled = store.stalled(unclaimedGrace);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            databaseLost(e);
            return;
        }
        databaseBack();
        stalled.forEach(this::submit);
    }

    private void databaseLost(RuntimeException e) {
        if (databaseDown.compareAndSet(false, true)) {
            log.warn("Database unavailable ({}); operations wait and are retried once it is back", e.getMessage());
        }
    }

    private void databaseBack() {
        if (databaseDown.compareAndSet(true, false)) {
            log.info("Database available again; stalled operations are picked up by the sweep");
        }
    }

    @Override
    public void start() {
        executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("dps-operation-", 0).daemon().factory());
    }

    /**
     * Lets the operations this node has started finish for a moment (a rolling restart should not
     * make their devices wait a whole lease); whatever is still running after that is left to the
     * sweep of another node once its claim runs out.
     */
    @Override
    public void stop() {
        ExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.info("Stopping with operations in flight; another node finishes them after the claim of {}", lease);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
