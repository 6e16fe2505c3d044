package io.localdps.simulator;

import io.localdps.simulator.auth.SasTokens;
import io.localdps.simulator.tpm.SoftwareTpm;
import io.localdps.simulator.tpm.TpmStateStore;
import io.localdps.simulator.x509.LeafMinter;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who one simulated device is: its registration ID and its secret (a symmetric key, an X.509
 * key and chain, or a software TPM).
 *
 * @param number         device number
 * @param registrationId the ID it registers with
 * @param deviceKey      symmetric key (base64), or null
 * @param tlsKey         X.509 private key, or null
 * @param chain          X.509 chain to present (leaf first), empty if none
 * @param tpm            software TPM, or null
 */
record DeviceIdentity(long number, String registrationId, String deviceKey, PrivateKey tlsKey, List<X509Certificate> chain,
                      SoftwareTpm tpm) {

    /** The number and registration ID only: the keys are secrets and must not reach a log or an error message. */
    @Override
    public String toString() {
        return "DeviceIdentity[number=" + number + ", registrationId=" + registrationId + "]";
    }

    /** Makes the identities of a plan's devices; shared by the devices of a run (thread-safe). */
    static final class Factory {
        private final FleetPlan plan;
        private final LeafMinter minter;
        private final TpmStateStore tpmStore;

        Factory(FleetPlan plan) {
            this.plan = plan;
            this.minter = plan.attestation() instanceof Attestation.X509Issued issued
                    ? new LeafMinter(issued.issuerChain(), issued.issuerKey(), issued.validity()) : null;
            this.tpmStore = plan.attestation() instanceof Attestation.Tpm tpm ? new TpmStateStore(tpm.stateDirectory()) : null;
        }

        DeviceIdentity create(int position) {
            long number = plan.firstNumber() + position;
            String name = plan.deviceName(position);
            return switch (plan.attestation()) {
                case Attestation.SymmetricGroup group ->
                        new DeviceIdentity(number, name, SasTokens.deriveDeviceKey(group.groupKey(), name), null, List.of(), null);
                case Attestation.SymmetricIndividual individual ->
                        new DeviceIdentity(number, name, individual.deviceKey().strip(), null, List.of(), null);
                case Attestation.X509Issued ignored -> {
                    LeafMinter.Leaf leaf = minter.mint(name);
                    yield new DeviceIdentity(number, name, null, leaf.key(), leaf.chain(), null);
                }
                case Attestation.X509Supplied supplied ->
                        new DeviceIdentity(number, supplied.registrationId(), null, supplied.key(), supplied.chain(), null);
                case Attestation.Tpm tpm -> {
                    SoftwareTpm device = tpmStore.open(name);
                    yield new DeviceIdentity(number, tpm.ekRegistrationIds() ? device.defaultRegistrationId() : name,
                            null, null, List.of(), device);
                }
            };
        }
    }
}
