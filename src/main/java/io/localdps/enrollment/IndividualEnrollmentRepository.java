package io.localdps.enrollment;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface IndividualEnrollmentRepository extends ListCrudRepository<IndividualEnrollment, Long> {

    // Fixed SQL on the registration hot path: a derived query builds and renders its SQL on every call.
    @Query("SELECT * FROM individual_enrollment WHERE registration_key = :registrationKey")
    Optional<IndividualEnrollment> findByRegistrationKey(String registrationKey);

    boolean existsByRegistrationKey(String registrationKey);

    List<IndividualEnrollment> findByRegistrationKeyIn(Collection<String> registrationKeys);
}
