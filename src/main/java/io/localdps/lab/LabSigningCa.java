package io.localdps.lab;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A lab CA with its private key unsealed, for a simulated fleet that mints its device certificates
 * on the fly instead of storing thousands of leaves nobody downloads. The key lives only in this
 * object, in memory: it is never printed (see {@link #toString()}); drop the object when the run
 * that needed it is over.
 *
 * @param chain the CA's certificate first, then its issuers up to the root
 */
public record LabSigningCa(String name, List<X509Certificate> chain, PrivateKey privateKey) {

    public LabSigningCa {
        chain = List.copyOf(chain);
    }

    @Override
    public String toString() {
        return "LabSigningCa[" + name + "]";
    }
}
