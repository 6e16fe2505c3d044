package io.localdps.certificate;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** One X.509 certificate, parsed with BouncyCastle, with the facts DPS needs about it. */
public final class ParsedCertificate {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private final X509CertificateHolder holder;
    private final byte[] der;

    ParsedCertificate(X509CertificateHolder holder) {
        this.holder = holder;
        try {
            this.der = holder.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public X509CertificateHolder holder() {
        return holder;
    }

    public byte[] der() {
        return der.clone();
    }

    /** The subject's common name, which is the registration ID of an X.509 device. */
    public Optional<String> commonName() {
        RDN[] rdns = holder.getSubject().getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    public boolean isCa() {
        BasicConstraints constraints = BasicConstraints.fromExtensions(holder.getExtensions());
        return constraints != null && constraints.isCA();
    }

    public boolean isValidAt(Instant instant) {
        return holder.isValidOn(java.util.Date.from(instant));
    }

    public Instant notAfter() {
        return holder.getNotAfter().toInstant();
    }

    public boolean hasBasicConstraintsExtension() {
        return holder.getExtension(Extension.basicConstraints) != null;
    }

    /** "RSA", "EC" or "Ed25519" (another algorithm: its OID), as the console shows the key type. */
    public String keyAlgorithm() {
        return PublicKeys.algorithm(holder.getSubjectPublicKeyInfo());
    }

    /** Key size in bits: the RSA modulus length or the EC curve's field size; 0 when unknown. */
    public int keySize() {
        return PublicKeys.size(holder.getSubjectPublicKeyInfo());
    }

    /** The subject DN, compared with an issuer DN to tell whether this certificate issued another. */
    public X500Name subject() {
        return holder.getSubject();
    }

    public X500Name issuer() {
        return holder.getIssuer();
    }

    public String sha1Thumbprint() {
        return digest("SHA-1");
    }

    public String sha256Thumbprint() {
        return digest("SHA-256");
    }

    /** PEM text of the certificate, the form stored in enrollments. */
    public String pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    public X509CertificateInfo info() {
        return new X509CertificateInfo(
                rfc4514(holder.getSubject()),
                sha1Thumbprint(),
                sha256Thumbprint(),
                rfc4514(holder.getIssuer()),
                holder.getNotBefore().toInstant(),
                holder.getNotAfter().toInstant(),
                UPPER_HEX.formatHex(holder.getSerialNumber().toByteArray()),
                holder.getVersionNumber());
    }

    private static String rfc4514(X500Name name) {
        // BouncyCastle prints RDNs in encoded order; RFC 4514 reverses them, and so does Azure.
        RDN[] rdns = name.getRDNs();
        StringBuilder text = new StringBuilder();
        for (int i = rdns.length - 1; i >= 0; i--) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            X500Name single = new X500Name(new RDN[]{rdns[i]});
            text.append(single);
        }
        return text.toString();
    }

    private String digest(String algorithm) {
        try {
            return UPPER_HEX.formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
