package io.localdps.enrollment;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface EnrollmentGroupRepository extends ListCrudRepository<EnrollmentGroup, Long> {

    // Fixed SQL on the registration hot path: a derived query builds and renders its SQL on every call.
    @Query("SELECT * FROM enrollment_group WHERE group_key = :groupKey")
    Optional<EnrollmentGroup> findByGroupKey(String groupKey);

    boolean existsByGroupKey(String groupKey);

    List<EnrollmentGroup> findByGroupKeyIn(Collection<String> groupKeys);

    long countByAttestationType(AttestationType attestationType);

    List<EnrollmentGroup> findByAttestationType(AttestationType attestationType);
}
