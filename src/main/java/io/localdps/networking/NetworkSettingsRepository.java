package io.localdps.networking;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface NetworkSettingsRepository extends CrudRepository<NetworkSettings, Integer> {

    /** The cheap question other nodes ask every few seconds: has anything changed? */
    @Query("SELECT version FROM network_settings WHERE id = 1")
    long currentVersion();
}
