package io.localdps.registration;

import io.localdps.LocalDpsApplication;
import io.localdps.common.Json;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration in flight when the server stops is answered correctly after a restart: the
 * operation lives in the database, and the restarted server's sweep finishes it.
 */
class RegistrationRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRegistrationAcceptedBeforeAStopIsAssignedAfterTheRestartAndThePollAnswers() {
        String id = "restart-device";
        String token;
        String operationId;
        try (ConfigurableApplicationContext first = start("PT1H")) {
            first.getBean(LinkedHubService.class).link("restart-hub.azure-devices.net", LinkedHubSettings.defaults());
            var enrollment = first.getBean(IndividualEnrollmentService.class).create(id, null, Attestation.symmetricKey(null, null),
                    new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of("restart-hub.azure-devices.net"),
                            null, false, null));
            token = DeviceTokens.sas("0ne00AAA111", id, enrollment.attestation().symmetricKey().primaryKey());
            // The operation is stored and answered with 202, then the server stops before any worker ran it.
            first.getBean(OperationWorker.class).stop();
            DeviceResponse accepted = first.getBean(DeviceRegistrations.class).register(request(id, token));
            assertThat(accepted.status()).isEqualTo(202);
            operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();
        }

        try (ConfigurableApplicationContext restarted = start("PT0S")) {
            restarted.getBean(OperationWorker.class).sweep();
            DeviceRegistrations registrations = restarted.getBean(DeviceRegistrations.class);
            DeviceResponse answer = null;
            for (int poll = 0; poll < 250; poll++) {
                answer = registrations.operationStatus(request(id, token), operationId);
                if (answer.status() != 202) {
                    break;
                }
                sleep();
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(answer.body()).path("registrationState").path("assignedHub").asString())
                    .isEqualTo("restart-hub.azure-devices.net");
        }
    }

    private ConfigurableApplicationContext start(String unclaimedGrace) {
        return new SpringApplicationBuilder(LocalDpsApplication.class)
                .web(WebApplicationType.NONE)
                // Command-line arguments outrank application.properties; builder properties would not.
                .run("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("restart") + ";MODE=PostgreSQL",
                        "--dps.data-dir=" + dataDir,
                        "--dps.id-scope=0ne00AAA111",
                        "--dps.admin.password=restart-test-password-1",
                        "--dps.mqtt.enabled=false",
                        "--dps.https.enabled=false",
                        "--dps.registration.unclaimed-grace=" + unclaimedGrace,
                        "--dps.registration.sweep-interval=PT1H",
                        "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
    }

    private static DeviceRequest request(String id, String token) {
        return new DeviceRequest("0ne00AAA111", id, "2021-10-01", new DeviceCredentials.SasToken(token),
                ("{\"registrationId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), DeviceRequest.Transport.HTTPS, null);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
