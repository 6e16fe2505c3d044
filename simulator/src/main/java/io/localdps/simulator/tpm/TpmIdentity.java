package io.localdps.simulator.tpm;

import java.io.IOException;
import java.io.Writer;

/**
 * What an administrator needs to create a software-TPM device's individual enrollment
 * ({@code attestation.type = tpm}): its registration ID and endorsement key.
 *
 * @param deviceName     the device's name from the fleet's ID pattern (its state file is named after it)
 * @param registrationId the registration ID the device registers with
 * @param endorsementKey base64 of the EK's TPM2B_PUBLIC, as the enrollment's {@code attestation.tpm.endorsementKey}
 * @param storageRootKey base64 of the SRK's TPM2B_PUBLIC (informational; enrollments do not need it)
 */
public record TpmIdentity(String deviceName, String registrationId, String endorsementKey, String storageRootKey) {

    /** The header line of {@link #writeCsv}. */
    public static final String CSV_HEADER = "deviceName,registrationId,endorsementKey";

    /** One CSV line (no field needs quoting: names are registration-ID characters, keys base64). */
    public void writeCsv(Writer out) throws IOException {
        out.write(deviceName + "," + registrationId + "," + endorsementKey + "\r\n");
    }
}
