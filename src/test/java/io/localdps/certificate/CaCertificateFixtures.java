package io.localdps.certificate;

import io.localdps.certificate.TestCertificates.Issued;

/** CA certificates in a known state of their proof of possession, made through the service. */
public final class CaCertificateFixtures {

    private CaCertificateFixtures() {
    }

    public static CaCertificate unverified(CaCertificateService service, String name, Issued ca) {
        return service.add(name, ca.pem(), false);
    }

    /** Proven the way an admin proves it: code, then a certificate the CA signs for that code. */
    public static CaCertificate proven(CaCertificateService service, String name, Issued ca) {
        CaCertificate added = unverified(service, name, ca);
        CaCertificate pending = service.generateVerificationCode(name, added.version());
        return service.verify(name, pending.version(), verificationCertificate(ca, pending.verificationCode()).pem());
    }

    public static Issued verificationCertificate(Issued ca, String code) {
        return TestCertificates.certificate(code).signedBy(ca).build();
    }
}
