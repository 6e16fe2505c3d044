package io.localdps.hub;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

import java.util.Optional;

interface LinkedHubRepository extends ListCrudRepository<LinkedHub, Long>, ListPagingAndSortingRepository<LinkedHub, Long> {

    Optional<LinkedHub> findByHostName(String hostName);

    boolean existsByHostName(String hostName);
}
