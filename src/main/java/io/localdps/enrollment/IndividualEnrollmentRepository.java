package io.localdps.enrollment;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface IndividualEnrollmentRepository extends ListCrudRepository<IndividualEnrollment, Long> {

    Optional<IndividualEnrollment> findByRegistrationKey(String registrationKey);

    boolean existsByRegistrationKey(String registrationKey);

    List<IndividualEnrollment> findByRegistrationKeyIn(Collection<String> registrationKeys);
}
