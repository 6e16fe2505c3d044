package io.localdps.registration;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface RegistrationOperationRepository extends ListCrudRepository<RegistrationOperation, Long> {

    // Fixed SQL on the registration hot path: a derived query builds and renders its SQL on every call.
    @Query("SELECT * FROM registration_operation WHERE operation_id = :operationId")
    Optional<RegistrationOperation> findByOperationId(String operationId);

    /** The device's operation in flight: assigning_key is its registration key exactly while it is assigning (V12). */
    @Query("SELECT * FROM registration_operation WHERE assigning_key = :registrationKey")
    Optional<RegistrationOperation> findAssigning(String registrationKey);
}
