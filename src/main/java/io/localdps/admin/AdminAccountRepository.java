package io.localdps.admin;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface AdminAccountRepository extends ListCrudRepository<AdminAccount, Long> {

    Optional<AdminAccount> findByUsername(String username);
}
