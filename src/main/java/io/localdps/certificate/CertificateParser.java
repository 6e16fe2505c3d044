package io.localdps.certificate;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads one certificate from what admins upload and SDKs send (security.md §3.3): PEM text, DER
 * bytes (a binary .cer), base64 of DER (a base64 .cer, the C# SDK) or base64 of PEM text (the C
 * SDK). Every refusal says what was wrong with the input.
 */
public final class CertificateParser {

    private static final int MAX_BYTES = 64 * 1024;

    private CertificateParser() {
    }

    public static ParsedCertificate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCertificateException("No certificate was given.");
        }
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static ParsedCertificate parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidCertificateException("The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidCertificateException("The file is larger than 64 KB; a certificate is much smaller.");
        }
        if (looksLikeDer(content)) {
            return fromDer(content);
        }
        String text = new String(content, StandardCharsets.US_ASCII).trim();
        if (text.contains("-----BEGIN")) {
            return fromPem(text);
        }
        byte[] decoded = decodeBase64(text);
        if (looksLikeDer(decoded)) {
            return fromDer(decoded);
        }
        String decodedText = new String(decoded, StandardCharsets.US_ASCII);
        if (decodedText.contains("-----BEGIN")) {
            return fromPem(decodedText);
        }
        throw new InvalidCertificateException("This is not a certificate: expected a .pem file, or a .cer file in DER or base64.");
    }

    private static boolean looksLikeDer(byte[] content) {
        // A DER certificate is an ASN.1 SEQUENCE with a long-form length: 0x30 0x82 (or 0x81/0x83).
        return content.length > 4 && content[0] == 0x30 && (content[1] & 0xFF) >= 0x81 && (content[1] & 0xFF) <= 0x83;
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCertificateException("This is not a certificate: the content is neither PEM nor valid base64.");
        }
    }

    private static ParsedCertificate fromDer(byte[] der) {
        try {
            return new ParsedCertificate(new X509CertificateHolder(der));
        } catch (IOException | RuntimeException e) {
            throw new InvalidCertificateException("This is not a certificate: the DER data could not be read as X.509.");
        }
    }

    private static ParsedCertificate fromPem(String text) {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(holder);
                } else {
                    throw new InvalidCertificateException("The PEM file holds a " + describe(object)
                            + " where a certificate was expected. Never upload private keys.");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidCertificateException invalid) {
                throw invalid;
            }
            throw new InvalidCertificateException("This is not a certificate: the PEM data is damaged.");
        }
        if (certificates.isEmpty()) {
            throw new InvalidCertificateException("The PEM file contains no certificate.");
        }
        if (certificates.size() > 1) {
            throw new InvalidCertificateException("The PEM file contains " + certificates.size()
                    + " certificates; upload exactly one.");
        }
        return new ParsedCertificate(certificates.getFirst());
    }

    private static String describe(Object pemObject) {
        String name = pemObject.getClass().getSimpleName();
        return name.contains("Key") ? "key" : name;
    }
}
