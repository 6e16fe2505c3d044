package io.localdps.accesspolicy;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface SharedAccessPolicyRepository extends ListCrudRepository<SharedAccessPolicy, Long> {

    Optional<SharedAccessPolicy> findByKeyNameKey(String keyNameKey);

    boolean existsByKeyNameKey(String keyNameKey);

    List<SharedAccessPolicy> findAllByOrderByKeyNameKey();
}
