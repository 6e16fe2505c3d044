package io.localdps.certificate;

import org.bouncycastle.cert.CertException;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Checks a verification certificate against a CA and its pending code (security.md §4.2 step 4):
 * the owner of the CA's private key can sign a certificate whose subject CN is the code we chose.
 * Answers with the first failed check, worded so the admin knows what to redo.
 */
public final class ProofOfPossession {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ProofOfPossession() {
    }

    /** @return why the proof fails, or empty when it holds */
    public static Optional<String> problem(ParsedCertificate ca, String code, ParsedCertificate verification, Instant now) {
        String commonName = verification.commonName().orElse(null);
        if (commonName == null) {
            return Optional.of("The verification certificate has no subject common name (CN); its CN must be the verification code " + code + ".");
        }
        if (!commonName.equalsIgnoreCase(code)) {
            return Optional.of("The verification certificate's subject CN is \"" + commonName
                    + "\", but the current verification code is " + code
                    + ". Create the certificate with CN=" + code + " (a newer code replaces older ones).");
        }
        if (!verification.issuer().equals(ca.subject())) {
            return Optional.of("The verification certificate was issued by \"" + verification.info().issuerName()
                    + "\", not by this CA (\"" + ca.info().subjectName() + "\"). Sign it with this CA's private key.");
        }
        if (!signedBy(verification, ca)) {
            return Optional.of("The verification certificate's signature does not verify with this CA's public key: "
                    + "it was not signed with this CA's private key.");
        }
        if (!verification.isValidAt(now)) {
            X509CertificateInfo info = verification.info();
            return Optional.of("The verification certificate is not valid now: it is valid from "
                    + DATE.format(info.notBeforeUtc()) + " to " + DATE.format(info.notAfterUtc()) + ".");
        }
        return Optional.empty();
    }

    static boolean signedBy(ParsedCertificate certificate, ParsedCertificate issuer) {
        try {
            return certificate.holder().isSignatureValid(
                    new JcaContentVerifierProviderBuilder().build(issuer.holder().getSubjectPublicKeyInfo()));
        } catch (CertException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }
}
