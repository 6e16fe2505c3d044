package io.localdps.simulation;

/**
 * What a run's devices attest with: the devices of one enrollment group, or devices with
 * individual enrollments the run creates for them.
 *
 * @param groupId the enrollment group for {@link Kind#SYMMETRIC_GROUP} and {@link Kind#X509_GROUP}, else null
 */
public record SimulationTarget(Kind kind, String groupId) {

    public enum Kind {
        SYMMETRIC_GROUP, X509_GROUP, TPM_INDIVIDUAL, SYMMETRIC_INDIVIDUAL;

        public boolean group() {
            return this == SYMMETRIC_GROUP || this == X509_GROUP;
        }
    }

    public static SimulationTarget group(Kind kind, String groupId) {
        return new SimulationTarget(kind, groupId);
    }

    public static SimulationTarget tpmIndividual() {
        return new SimulationTarget(Kind.TPM_INDIVIDUAL, null);
    }

    public static SimulationTarget symmetricIndividual() {
        return new SimulationTarget(Kind.SYMMETRIC_INDIVIDUAL, null);
    }

    /** How the console lists it. */
    public String label() {
        return switch (kind) {
            case SYMMETRIC_GROUP -> "Group " + groupId + " (symmetric key)";
            case X509_GROUP -> "Group " + groupId + " (X.509, leaves from the certificate lab)";
            case TPM_INDIVIDUAL -> "TPM individual enrollments (software TPM)";
            case SYMMETRIC_INDIVIDUAL -> "Symmetric-key individual enrollments";
        };
    }
}
