package io.localdps.certificate;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.io.IOException;

/** Key type and size of a certificate's public key, read from its SubjectPublicKeyInfo. */
final class PublicKeys {

    private PublicKeys() {
    }

    static String algorithm(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier oid = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return "RSA";
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return "EC";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return "Ed25519";
        }
        return oid.getId();
    }

    static int size(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier oid = key.getAlgorithm().getAlgorithm();
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
                return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)
                    && key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
                X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
                return parameters == null ? 0 : parameters.getCurve().getFieldSize();
            }
            if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
                return 256;
            }
        } catch (IOException | IllegalArgumentException e) {
            // A key we cannot decode still has a type to show; its size stays unknown.
        }
        return 0;
    }
}
