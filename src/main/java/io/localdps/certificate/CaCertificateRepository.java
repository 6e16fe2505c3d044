package io.localdps.certificate;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface CaCertificateRepository extends ListCrudRepository<CaCertificate, Long> {

    Optional<CaCertificate> findByNameKey(String nameKey);

    boolean existsByNameKey(String nameKey);

    Optional<CaCertificate> findBySha256Thumbprint(String sha256Thumbprint);

    List<CaCertificate> findByVerifiedTrueOrderByNameKey();

    List<CaCertificate> findAllByOrderByNameKey();
}
