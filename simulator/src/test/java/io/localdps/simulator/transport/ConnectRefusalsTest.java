package io.localdps.simulator.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which refused MQTT connections end a device and which make it back off and try again. */
class ConnectRefusalsTest {

    @Test
    void mqtt311ServerUnavailableIsThrottlingAndOnlyIdentityAndCredentialRefusalsAreFinal() {
        assertThat(ConnectRefusals.v3(3, null)).isInstanceOf(ConnectThrottledException.class);
        assertThat(ConnectRefusals.v3(1, null)).isNotInstanceOfAny(ConnectRefusedException.class, ConnectThrottledException.class);
        for (int code : new int[]{2, 4, 5}) {
            assertThat(ConnectRefusals.v3(code, null)).as("return code %d", code).isInstanceOf(ConnectRefusedException.class);
        }
    }

    @Test
    void mqtt5BusyUnavailableQuotaAndRateRefusalsAreThrottlingAndAuthenticationRefusalsAreFinal() {
        for (int reason : new int[]{0x88, 0x89, 0x97, 0x9F}) {
            assertThat(ConnectRefusals.v5(reason, null)).as("reason 0x%x", reason).isInstanceOf(ConnectThrottledException.class);
        }
        for (int reason : new int[]{0x84, 0x85, 0x86, 0x87, 0x8C}) {
            assertThat(ConnectRefusals.v5(reason, null)).as("reason 0x%x", reason).isInstanceOf(ConnectRefusedException.class);
        }
        assertThat(ConnectRefusals.v5(0x80, null)).isNotInstanceOfAny(ConnectRefusedException.class, ConnectThrottledException.class);
    }
}
