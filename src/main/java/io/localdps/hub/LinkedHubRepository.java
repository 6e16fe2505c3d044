package io.localdps.hub;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

import java.util.Optional;

interface LinkedHubRepository extends ListCrudRepository<LinkedHub, Long>, ListPagingAndSortingRepository<LinkedHub, Long> {

    Optional<LinkedHub> findByHostName(String hostName);

    // Fixed SQL: every hub call of a registration checks the hub is linked.
    @Query("SELECT COUNT(*) FROM linked_hub WHERE host_name = :hostName")
    long countByHostName(String hostName);

    default boolean existsByHostName(String hostName) {
        return countByHostName(hostName) > 0;
    }
}
