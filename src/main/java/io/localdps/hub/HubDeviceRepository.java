package io.localdps.hub;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface HubDeviceRepository extends ListCrudRepository<HubDevice, Long> {

    /** Exact, case-sensitive match of the device ID (both databases compare VARCHAR case-sensitively). */
    Optional<HubDevice> findByHubHostNameAndDeviceId(String hubHostName, String deviceId);

    long countByHubHostName(String hubHostName);
}
