package io.localdps.enrollment;

import io.localdps.certificate.CaCertificateReferences;
import org.springframework.stereotype.Component;

import java.util.List;

/** Tells the certificate feature which enrollment groups name a CA certificate before it is deleted. */
@Component
class EnrollmentCaReferences implements CaCertificateReferences {

    private final EnrollmentGroupService groups;

    EnrollmentCaReferences(EnrollmentGroupService groups) {
        this.groups = groups;
    }

    @Override
    public List<String> referencing(String certificateName, int limit) {
        return groups.referencingCaCertificate(certificateName, limit).stream()
                .map(id -> "enrollment group " + id).toList();
    }
}
