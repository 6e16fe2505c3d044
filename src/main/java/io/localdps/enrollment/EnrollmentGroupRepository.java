package io.localdps.enrollment;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface EnrollmentGroupRepository extends ListCrudRepository<EnrollmentGroup, Long> {

    Optional<EnrollmentGroup> findByGroupKey(String groupKey);

    boolean existsByGroupKey(String groupKey);

    List<EnrollmentGroup> findByGroupKeyIn(Collection<String> groupKeys);

    long countByAttestationType(AttestationType attestationType);

    List<EnrollmentGroup> findByAttestationType(AttestationType attestationType);
}
