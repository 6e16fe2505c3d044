package io.localdps.lab;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface LabCertificateRepository extends ListCrudRepository<LabCertificate, Long> {

    Optional<LabCertificate> findByNameKey(String nameKey);

    boolean existsByNameKey(String nameKey);

    Optional<LabCertificate> findBySha256Thumbprint(String sha256Thumbprint);

    List<LabCertificate> findAllBy(Pageable pageable);

    List<LabCertificate> findByKindInOrderByNameKey(List<LabCertificate.Kind> kinds);

    boolean existsByIssuerName(String issuerName);
}
