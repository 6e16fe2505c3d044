package io.localdps.registration;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface RegistrationRecordRepository extends ListCrudRepository<RegistrationRecord, Long> {

    Optional<RegistrationRecord> findByRegistrationKey(String registrationKey);
}
