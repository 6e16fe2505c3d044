package io.localdps.registration;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface RegistrationRecordRepository extends ListCrudRepository<RegistrationRecord, Long> {

    // Fixed SQL on the registration hot path: a derived query builds and renders its SQL on every call.
    @Query("SELECT * FROM registration_record WHERE registration_key = :registrationKey")
    Optional<RegistrationRecord> findByRegistrationKey(String registrationKey);
}
