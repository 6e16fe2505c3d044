package io.localdps.registration;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface RegistrationOperationRepository extends ListCrudRepository<RegistrationOperation, Long> {

    Optional<RegistrationOperation> findByOperationId(String operationId);

    Optional<RegistrationOperation> findFirstByRegistrationKeyAndState(String registrationKey, RegistrationStatus state);
}
