package io.localdps.hub;

import java.util.Optional;

/**
 * The identity registry and twins of the linked IoT hubs: everything DPS writes into a hub
 * (behaviour.md §6). {@link SimulatedIotHubRegistry} keeps the hubs inside the product; an adapter
 * for real hubs would implement the same calls with IoT Hub's registry API.
 *
 * <p>Hubs are named by host name (compared ignoring case), devices by their case-sensitive ID,
 * unique per hub. Every call either succeeds completely or changes nothing.
 *
 * <p>How the registration worker carries out the rows of the re-provisioning matrix (behaviour.md
 * §7.2; {@code R} = existing record on hub {@code H0} with device {@code D0}, {@code H1} = newly
 * allocated hub, {@code id} = the identity built from the current attestation):
 * <table>
 *   <caption>Re-provisioning matrix as registry calls</caption>
 *   <tr><th>Situation</th><th>Calls</th><th>Substatus</th></tr>
 *   <tr><td>no record (or never assigned)</td>
 *       <td>{@code createOrUpdateDevice(H1, id)}; then, if an initial twin is configured,
 *           {@code replaceTwin(H1, D, initialTwin)} (a created device starts with an empty twin)</td>
 *       <td>{@linkplain DeviceUpsert#created() created} ? initialAssignment : reprovisionedToInitialAssignment</td></tr>
 *   <tr><td>R, never re-provision</td><td>{@code createOrUpdateDevice(H0, id(D0))}</td><td>R's</td></tr>
 *   <tr><td>R, migrate, H1 ≠ H0</td><td>{@code migrateDevice(H0, H1, id(D0))}</td><td>deviceDataMigrated</td></tr>
 *   <tr><td>R, migrate, H1 = H0</td><td>{@code createOrUpdateDevice(H0, id(D0))} (or {@code migrateDevice(H0, H0, ...)},
 *       which does the same)</td><td>R's</td></tr>
 *   <tr><td>R, reset, H1 ≠ H0</td><td>{@code createOrUpdateDevice(H1, id(D))}, {@code replaceTwin(H1, D, initialTwin)},
 *       then {@code deleteDevice(H0, D0)}: in this order a failure leaves the old assignment working</td>
 *       <td>deviceDataReset</td></tr>
 *   <tr><td>R, reset, H1 = H0</td><td>{@code createOrUpdateDevice(H0, id(D))}, {@code replaceTwin(H0, D, initialTwin)}
 *       (and {@code deleteDevice(H0, D0)} if the enrollment's device ID changed)</td><td>deviceDataReset</td></tr>
 * </table>
 *
 * <p>Failures: {@link HubUnavailableException} when the hub is not linked (or, for a real hub,
 * cannot be reached); {@link io.localdps.common.InvalidInputException} for a device ID, credentials
 * or twin that IoT Hub would refuse; {@link io.localdps.common.NotFoundException} for twin calls on
 * a missing device; {@link io.localdps.common.StaleVersionException} when a concurrent write to the
 * same device won (retrying the call is safe).
 */
public interface IotHubRegistry {

    /** The device, or empty when the hub has no device with exactly this ID. */
    Optional<DeviceRecord> findDevice(String hubHostName, String deviceId);

    /**
     * Creates the device with an empty twin, or updates the identity of the existing one:
     * credentials, capabilities and status are replaced, the twin and the generation ID are kept.
     * Every successful registration calls it, which is how key and certificate roll-over reach the hub.
     */
    DeviceUpsert createOrUpdateDevice(String hubHostName, DeviceIdentity identity);

    /**
     * {@link #createOrUpdateDevice} followed by {@link #replaceTwin} with {@code twin}, as one call:
     * how a registration applies an initial twin. A registry that can do both in one write should.
     */
    default DeviceUpsert createOrUpdateDevice(String hubHostName, DeviceIdentity identity, TwinContent twin) {
        DeviceUpsert upsert = createOrUpdateDevice(hubHostName, identity);
        replaceTwin(hubHostName, identity.deviceId(), twin);
        return upsert;
    }

    /** @return false when there was no such device */
    boolean deleteDevice(String hubHostName, String deviceId);

    Optional<DeviceTwin> getTwin(String hubHostName, String deviceId);

    /**
     * Replaces tags and desired properties as a whole (initial twin, reset); reported properties
     * stay. The desired {@code $version} goes up by one.
     */
    DeviceTwin replaceTwin(String hubHostName, String deviceId, TwinContent twin);

    /**
     * Moves the device to another hub keeping its data (the default re-provisioning policy): the
     * device is created (or updated) in {@code toHubHostName} with {@code identity} and the tags and
     * desired properties it had in {@code fromHubHostName}, and removed from there, in one step.
     * Reported properties are not copied: the device reports again to its new hub. If the old hub no
     * longer holds the device, it is created with an empty twin. With the same hub on both sides
     * this is {@link #createOrUpdateDevice}.
     *
     * @param identity the device as it should be in the new hub; its ID is the ID in the old hub
     */
    DeviceUpsert migrateDevice(String fromHubHostName, String toHubHostName, DeviceIdentity identity);
}
