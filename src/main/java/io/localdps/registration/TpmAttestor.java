package io.localdps.registration;

import io.localdps.attestation.DeviceSasVerifier;
import io.localdps.attestation.EndorsementKey;
import io.localdps.attestation.SasKey;
import io.localdps.attestation.SasVerification;
import io.localdps.attestation.TpmActivation;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.IndividualEnrollment;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * TPM attestation (security.md §6, device-api.md §4.6): a register call without a token gets a
 * challenge wrapping a fresh nonce key for the device's EK; the repeated call must carry a SAS
 * token signed with that key, which only the TPM holding the EK can recover.
 */
@Component
class TpmAttestor {

    private final TpmChallenges challenges;
    private final TpmActivation activation = new TpmActivation();
    private final Clock clock;

    TpmAttestor(TpmChallenges challenges, Clock clock) {
        this.challenges = challenges;
        this.clock = clock;
    }

    Attestation attest(DeviceRequest request, DeviceRegistrationBody body, IndividualEnrollment enrollment) {
        String enrolledEk = enrollment.attestation().tpm().endorsementKey();
        if (body.hasTpm() && !sameKey(body.endorsementKey(), enrolledEk)) {
            return refused(enrollment, "the endorsement key the device sent is not the one in its enrollment");
        }
        String registrationKey = RegistrationRecord.keyOf(request.registrationId());
        if (request.credentials() instanceof DeviceCredentials.SasToken sas) {
            Optional<TpmChallenges.Open> open = challenges.find(registrationKey);
            if (open.isEmpty()) {
                return refused(enrollment, "TPM step 2: there is no open challenge (it expired after "
                        + TpmChallenges.LIFETIME.toMinutes() + " minutes or was never issued); register without a token first");
            }
            SasVerification verification = DeviceSasVerifier.verify(sas.token(), request.idScope(), request.registrationId(),
                    List.of(SasKey.of(SasKey.Role.TPM_CHALLENGE, open.get().nonceKey())), clock.instant());
            if (verification instanceof SasVerification.Rejected rejected) {
                return refused(enrollment, "TPM step 2: the SAS token is not signed with the challenge's nonce key ("
                        + rejected.failure() + ": " + rejected.detail() + ")");
            }
            String srk = body.storageRootKey() != null ? body.storageRootKey() : open.get().storageRootKey();
            return new Attestation.Authenticated(AttestationType.TPM, enrollment, null, DeviceAttestor.BINDING_TPM,
                    null, enrolledEk, srk);
        }
        if (!body.hasTpm() || body.storageRootKey() == null) {
            return refused(enrollment, "TPM step 1: the register call must carry tpm.endorsementKey and tpm.storageRootKey");
        }
        try {
            byte[] nonce = challenges.open(registrationKey, body.storageRootKey());
            String blob = activation.authenticationKey(decode(body.endorsementKey()), decode(body.storageRootKey()), nonce,
                    request.idScope(), request.registrationId());
            return new Attestation.TpmChallenge(blob);
        } catch (IllegalArgumentException e) {
            return refused(enrollment, "TPM step 1: the endorsement or storage root key cannot be used: " + e.getMessage());
        }
    }

    Optional<String> pollProblem(DeviceRequest request) {
        if (!(request.credentials() instanceof DeviceCredentials.SasToken sas)) {
            return Optional.of("the poll carried no SAS token");
        }
        return challenges.find(RegistrationRecord.keyOf(request.registrationId()))
                .map(open -> DeviceSasVerifier.verify(sas.token(), request.idScope(), request.registrationId(),
                        List.of(SasKey.of(SasKey.Role.TPM_CHALLENGE, open.nonceKey())), clock.instant()))
                .map(verification -> verification instanceof SasVerification.Rejected rejected
                        ? Optional.of(rejected.failure() + ": " + rejected.detail()) : Optional.<String>empty())
                .orElse(Optional.of("the TPM challenge of this registration expired"));
    }

    /** The blob that hands the device its IoT Hub key, bound to the EK and SRK it registered with. */
    String authenticationKeyFor(OperationWork work, byte[] hubKey) {
        return activation.authenticationKey(decode(work.endorsementKey()), decode(work.storageRootKey()), hubKey,
                work.idScope(), work.registrationId());
    }

    private static boolean sameKey(String presented, String enrolled) {
        try {
            return EndorsementKey.parse(presented).sameKeyAs(EndorsementKey.parse(enrolled));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64);
    }

    private static Attestation refused(IndividualEnrollment enrollment, String detail) {
        return new Attestation.Refused(401, 401002, "Unauthorized", detail, AttestationType.TPM, null, true);
    }
}
