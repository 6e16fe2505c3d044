package io.localdps.simulator;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plan validation, naming patterns, payload templates and the CSV line of an outcome. */
class FleetPlanTest {

    private static final DpsEndpoint ENDPOINT = new DpsEndpoint("localhost", 8883, 443, "0ne00ABC123", Trust.all());
    private static final Attestation GROUP = new Attestation.SymmetricGroup("c2ltdWxhdG9yLWdyb3VwLWtleS0wMTIzNDU2Nzg5");

    @Test
    void thePatternNumbersDevicesFromTheFirstNumberWithTheRequestedPadding() {
        FleetPlan plan = FleetPlan.builder(ENDPOINT, GROUP).count(3).idPattern("sim-{n:05}").firstNumber(41).build();

        assertThat(plan.deviceName(0)).isEqualTo("sim-00041");
        assertThat(plan.deviceName(2)).isEqualTo("sim-00043");
        assertThat(new IdPattern("dev{n}-x").format(123456)).isEqualTo("dev123456-x");
    }

    @Test
    void aPatternWithoutTheNumberOrGivingAnInvalidRegistrationIdIsRefused() {
        assertThatThrownBy(() -> new IdPattern("sim")).hasMessageContaining("{n}");
        assertThatThrownBy(() -> new IdPattern("Sim {n}")).hasMessageContaining("not a registration ID");
    }

    @Test
    void thePayloadTemplateFillsInTheIdAndNumberAndMustGiveJson() {
        PayloadTemplate template = new PayloadTemplate("{\"modelId\":\"dtmi:demo;1\",\"serial\":\"{id}\",\"slot\":{n}}");

        assertThat(template.render("sim-00007", 7).toString()).isEqualTo("{\"modelId\":\"dtmi:demo;1\",\"serial\":\"sim-00007\",\"slot\":7}");
        assertThatThrownBy(() -> new PayloadTemplate("{\"modelId\":")).hasMessageContaining("does not give JSON");
    }

    @Test
    void tpmDevicesAreRefusedOverMqttAndAFleetHasOneToOneHundredThousandDevices() {
        Attestation tpm = new Attestation.Tpm(java.nio.file.Path.of("tpm"), true);

        assertThatThrownBy(() -> FleetPlan.builder(ENDPOINT, tpm).protocol(Protocol.MQTT5).build()).hasMessageContaining("HTTPS only");
        assertThatThrownBy(() -> FleetPlan.builder(ENDPOINT, GROUP).count(100_001).build()).hasMessageContaining("1 to 100,000");
        assertThatThrownBy(() -> FleetPlan.builder(ENDPOINT, GROUP).count(0).build()).hasMessageContaining("1 to 100,000");
        assertThat(FleetPlan.builder(ENDPOINT, GROUP).count(100_000).build().count()).isEqualTo(100_000);
    }

    @Test
    void aSymmetricKeyMustBeBase64OfSixteenToSixtyFourBytes() {
        assertThatThrownBy(() -> new Attestation.SymmetricGroup("not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> new Attestation.SymmetricIndividual("c2hvcnQ=")).hasMessageContaining("16 to 64 bytes");
    }

    @Test
    void anOutcomeIsOneCsvLineWithTextQuotedWhereNeeded() throws Exception {
        StringWriter csv = new StringWriter();
        new DeviceOutcome(7, "sim-00007", DeviceStatus.ERROR, null, null, null, 3, 2, 1234, 401002,
                "HTTP 401 401002: Invalid \"certificate\", chain", Instant.parse("2026-01-01T00:00:00Z")).writeCsv(csv);

        assertThat(csv).hasToString("7,sim-00007,error,,,,3,2,1234,401002,\"HTTP 401 401002: Invalid \"\"certificate\"\", chain\","
                + "2026-01-01T00:00:00Z\r\n");
    }
}
