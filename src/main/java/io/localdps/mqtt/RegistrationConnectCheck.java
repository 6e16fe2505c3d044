package io.localdps.mqtt;

import io.localdps.common.DatabaseOutage;
import io.localdps.registration.DeviceRegistrations;
import io.localdps.registration.DeviceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Refuses a wrong key at CONNECT (client-compat.md MQTT-8) by asking the registration engine. */
@Component
class RegistrationConnectCheck implements MqttConnectCheck {

    private static final Logger log = LoggerFactory.getLogger(RegistrationConnectCheck.class);

    private final DeviceRegistrations registrations;

    RegistrationConnectCheck(DeviceRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public Verdict check(DeviceRequest connect) {
        try {
            return registrations.credentialsAccepted(connect) ? Verdict.ACCEPT : Verdict.NOT_AUTHORIZED;
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                // Let the device in so it hears the 503 and its retry-after on the response topic (device-api.md §9)
                // instead of a bare "server unavailable": every register and poll is attested again before it is served.
                log.debug("Credentials of {} not checked at CONNECT, the database is unavailable", connect.registrationId());
                return Verdict.ACCEPT;
            }
            log.warn("Could not check the credentials of {} at CONNECT: {}", connect.registrationId(), e.toString());
            return Verdict.SERVER_UNAVAILABLE;
        }
    }
}
