package io.localdps.certificate;

/** A file or text that cannot be used as the certificate asked for; the message says why. */
public class InvalidCertificateException extends RuntimeException {

    public InvalidCertificateException(String message) {
        super(message);
    }
}
