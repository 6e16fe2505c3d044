package io.localdps.registration;

import io.localdps.allocation.AllocationDecision;
import io.localdps.allocation.AllocationEngine;
import io.localdps.allocation.AllocationRequest;
import io.localdps.allocation.CandidateHub;
import io.localdps.allocation.CustomAllocationContext;
import io.localdps.attestation.SymmetricKeys;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.InitialTwin;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.hub.DeviceAuthentication;
import io.localdps.hub.DeviceIdentity;
import io.localdps.hub.HubUnavailableException;
import io.localdps.hub.IotHubRegistry;
import io.localdps.hub.LinkedHub;
import io.localdps.hub.TwinContent;
import io.localdps.hub.LinkedHubService;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The asynchronous part of a registration (behaviour.md §2 steps 7–9): re-reads the enrollment,
 * allocates a hub, decides initial assignment or re-provisioning and carries it out in the hubs.
 */
@Component
class ProvisioningProcess {

    /** Before this api-version, an enrollment without a stored policy keeps devices on their hub (behaviour.md §7.4). */
    static final String LEGACY_STICKY_UNTIL = "2018-04-01";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IndividualEnrollmentService individuals;
    private final EnrollmentGroupService groups;
    private final LinkedHubService linkedHubs;
    private final AllocationEngine allocator;
    private final IotHubRegistry hubDevices;
    private final TpmAttestor tpm;

    ProvisioningProcess(IndividualEnrollmentService individuals, EnrollmentGroupService groups, LinkedHubService linkedHubs,
                        AllocationEngine allocator, IotHubRegistry hubDevices, TpmAttestor tpm) {
        this.individuals = individuals;
        this.groups = groups;
        this.linkedHubs = linkedHubs;
        this.allocator = allocator;
        this.hubDevices = hubDevices;
        this.tpm = tpm;
    }

    /**
     * What {@link #run} reads from the database before it allocates, so the worker can read it in the
     * transaction that claims the operation (the allocation, a webhook call perhaps, runs outside it).
     */
    record Inputs(IndividualEnrollment individual, EnrollmentGroup group, List<LinkedHub> linkedHubs) {
    }

    Inputs load(OperationWork work) {
        IndividualEnrollment individual = work.groupId() == null ? individuals.find(work.registrationId()).orElse(null) : null;
        EnrollmentGroup group = work.groupId() != null ? groups.find(work.groupId()).orElse(null) : null;
        boolean needsHubs = individual != null ? individual.settings().enabled() : group != null && group.settings().enabled();
        return new Inputs(individual, group, needsHubs ? linkedHubs.all() : List.of());
    }

    Provisioning run(OperationWork work, RegistrationRecord record) {
        return run(work, record, load(work));
    }

    Provisioning run(OperationWork work, RegistrationRecord record, Inputs inputs) {
        IndividualEnrollment individual = inputs.individual();
        EnrollmentGroup group = inputs.group();
        if (individual == null && group == null) {
            return new Provisioning.Ended(RegistrationStatus.FAILED, 404201, "The enrollment was deleted while the device registered.");
        }
        EnrollmentSettings settings = individual != null ? individual.settings() : group.settings();
        if (!settings.enabled()) {
            return new Provisioning.Ended(RegistrationStatus.DISABLED, 401003, "The enrollment is disabled.");
        }
        String previousHub = record != null && record.wasAssigned() ? record.assignedHub() : null;
        ReprovisionPolicy policy = effectivePolicy(settings, work.apiVersion());

        Map<String, LinkedHub> linked = inputs.linkedHubs().stream().collect(Collectors.toMap(LinkedHub::hostName, Function.identity()));
        List<LinkedHub> candidates = new ArrayList<>();
        for (String host : settings.iotHubs().followsAllLinkedHubs() ? linked.keySet() : settings.iotHubs().hostNames()) {
            LinkedHub hub = linked.get(host);
            if (hub == null) {
                return new Provisioning.Ended(RegistrationStatus.FAILED, 400302,
                        "The enrollment names the IoT hub " + host + ", which is no longer linked.");
            }
            candidates.add(hub);
        }
        boolean keepHub = previousHub != null && !policy.updateHubAssignment();
        AllocationPolicy allocationPolicy = settings.allocationPolicy() != null ? settings.allocationPolicy() : AllocationPolicy.HASHED;
        if (allocationPolicy == AllocationPolicy.STATIC && settings.iotHubs().followsAllLinkedHubs()) {
            candidates = List.of(); // static needs the hub named on the enrollment (behaviour.md §5.4)
        }
        if (keepHub) {
            candidates = linked.containsKey(previousHub) ? List.of(linked.get(previousHub)) : List.of();
            if (allocationPolicy != AllocationPolicy.CUSTOM) {
                allocationPolicy = AllocationPolicy.STATIC;
            }
        }
        List<CandidateHub> offered = candidates.stream().map(CandidateHub::of).toList();
        AllocationRequest allocationRequest = allocationPolicy == AllocationPolicy.CUSTOM
                ? AllocationRequest.custom(work.registrationId(), offered, individual != null
                ? CustomAllocationContext.forIndividualEnrollment(settings.customAllocation(),
                        WebhookContext.enrollment(individual, null), WebhookContext.runtimeContext(work, record))
                : CustomAllocationContext.forEnrollmentGroup(settings.customAllocation(),
                        WebhookContext.enrollment(null, group), WebhookContext.runtimeContext(work, record)))
                : AllocationRequest.builtIn(work.registrationId(), allocationPolicy, offered, address(work.clientAddress()));
        AllocationDecision allocation;
        try {
            allocation = allocator.allocate(allocationRequest);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the allocation webhook was called; the operation is retried", e);
        }
        if (allocation instanceof AllocationDecision.Failed failed) {
            return new Provisioning.Ended(RegistrationStatus.FAILED, failed.errorCode(), failed.errorMessage());
        }
        AllocationDecision.Assigned chosen = (AllocationDecision.Assigned) allocation;
        String deviceId = individual != null ? individual.effectiveDeviceId() : work.registrationId();
        InitialTwin twin = chosen.initialTwin() != null ? chosen.initialTwin() : settings.initialTwin();
        try {
            boolean exists = hubDevices.findDevice(chosen.iotHubHostName(), deviceId).isPresent();
            Provisioning.Plan plan = ReprovisionPlanner.plan(policy, previousHub, record == null ? null : record.deviceId(),
                    record == null ? null : record.substatus(), chosen.iotHubHostName(), deviceId, exists, twin, work.apiVersion());
            byte[] tpmHubKey = null;
            DeviceIdentity identity;
            if (work.attestationType() == io.localdps.enrollment.AttestationType.TPM) {
                tpmHubKey = new byte[32];
                RANDOM.nextBytes(tpmHubKey);
                identity = DeviceIdentity.enabled(plan.deviceId(), DeviceAuthentication.sas(
                        Base64.getEncoder().encodeToString(tpmHubKey), SymmetricKeys.generate()), settings.iotEdge());
            } else {
                identity = identity(work, individual, group, plan.deviceId(), settings.iotEdge());
            }
            carryOut(plan, previousHub, record == null ? null : record.deviceId(), identity);
            String blob = tpmHubKey == null ? null : tpm.authenticationKeyFor(work, tpmHubKey);
            return new Provisioning.Assigned(plan.hub(), plan.deviceId(), plan.substatus(), chosen.payload(), blob);
        } catch (HubUnavailableException e) {
            return new Provisioning.Ended(RegistrationStatus.FAILED, 500001, "An error occurred while sending the request to "
                    + "the IoT hub: " + e.getMessage());
        }
    }

    private void carryOut(Provisioning.Plan plan, String previousHub, String previousDeviceId, DeviceIdentity identity) {
        switch (plan.action()) {
            case CREATE, REFRESH -> {
                if (plan.twin() != null) {
                    hubDevices.createOrUpdateDevice(plan.hub(), identity, twin(plan.twin()));
                } else {
                    hubDevices.createOrUpdateDevice(plan.hub(), identity);
                }
            }
            case MIGRATE -> hubDevices.migrateDevice(previousHub, plan.hub(), identity);
            case MOVE_AND_RESET -> {
                // In this order a failure leaves the old assignment working.
                hubDevices.createOrUpdateDevice(plan.hub(), identity, twin(plan.twin()));
                hubDevices.deleteDevice(previousHub, previousDeviceId);
            }
            case RESET_IN_PLACE -> hubDevices.createOrUpdateDevice(plan.hub(), identity, twin(plan.twin()));
        }
    }

    private static TwinContent twin(InitialTwin initial) {
        return new TwinContent(initial.tags(), initial.desiredProperties());
    }

    private static ReprovisionPolicy effectivePolicy(EnrollmentSettings settings, String apiVersion) {
        if (settings.reprovisionPolicy() != null) {
            return settings.reprovisionPolicy();
        }
        boolean legacyClient = apiVersion != null && apiVersion.compareTo(LEGACY_STICKY_UNTIL) <= 0;
        return legacyClient ? ReprovisionPolicy.NEVER : ReprovisionPolicy.MIGRATE;
    }

    /** The hub identity of behaviour.md §6.1: the device's own keys, or its leaf's thumbprint. */
    private static DeviceIdentity identity(OperationWork work, IndividualEnrollment individual, EnrollmentGroup group,
                                           String deviceId, boolean iotEdge) {
        if (work.attestationType() == io.localdps.enrollment.AttestationType.X509) {
            return DeviceIdentity.enabled(deviceId, DeviceAuthentication.selfSigned(work.leafSha1Thumbprint(), null), iotEdge);
        }
        var keys = individual != null ? individual.attestation().symmetricKey() : group.attestation().symmetricKey();
        if (individual != null) {
            return DeviceIdentity.enabled(deviceId, DeviceAuthentication.sas(keys.primaryKey(), keys.secondaryKey()), iotEdge);
        }
        return DeviceIdentity.enabled(deviceId, DeviceAuthentication.sas(
                SymmetricKeys.deriveDeviceKey(keys.primaryKey(), work.registrationId()),
                SymmetricKeys.deriveDeviceKey(keys.secondaryKey(), work.registrationId())), iotEdge);
    }

    private static InetAddress address(String text) {
        if (text == null) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
