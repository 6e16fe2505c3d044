package io.localdps.hub;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface HubDeviceRepository extends ListCrudRepository<HubDevice, Long> {

    /** Exact, case-sensitive match of the device ID (both databases compare VARCHAR case-sensitively). */
    // Fixed SQL: registrations call it on every assignment, and a derived query renders its SQL each call.
    @Query("SELECT * FROM hub_device WHERE hub_host_name = :hubHostName AND device_id = :deviceId")
    Optional<HubDevice> findByHubHostNameAndDeviceId(String hubHostName, String deviceId);

    long countByHubHostName(String hubHostName);
}
