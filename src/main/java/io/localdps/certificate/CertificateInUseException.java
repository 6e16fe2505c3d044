package io.localdps.certificate;

import java.util.List;

/** A CA certificate cannot be deleted while enrollments name it (the API answers 409). */
public class CertificateInUseException extends RuntimeException {

    private final List<String> referencedBy;

    public CertificateInUseException(String message, List<String> referencedBy) {
        super(message);
        this.referencedBy = List.copyOf(referencedBy);
    }

    public List<String> referencedBy() {
        return referencedBy;
    }
}
