package io.localdps.certificate;

import java.util.List;

/**
 * Who names a CA certificate in {@code caReferences}. Implemented by the enrollment feature, which
 * depends on this one (and not the other way round).
 */
public interface CaCertificateReferences {

    /** Descriptions such as "enrollment group line3-devices", at most {@code limit} of them. */
    List<String> referencing(String certificateName, int limit);
}
