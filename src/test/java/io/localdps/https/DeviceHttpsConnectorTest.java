package io.localdps.https;

import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the connector adds to Tomcat before it starts (the TLS behaviour is DeviceHttpsEndpointTest's). */
class DeviceHttpsConnectorTest {

    @Test
    void aDisabledEndpointAddsNoConnectorAndHasNoPort() {
        TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(8080);
        DeviceHttpsConnector connector = connector(false, 8443);

        connector.customize(tomcat);

        assertThat(tomcat.getAdditionalConnectors()).isEmpty();
        assertThat(connector.port()).isEqualTo(-1);
    }

    @Test
    void theConsolesPortIsRefusedWithAClearMessage() {
        TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(8443);

        assertThatThrownBy(() -> connector(true, 8443).customize(tomcat))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dps.https.port and server.port are both 8443");
    }

    /** No TLS material: neither case may need it. */
    private static DeviceHttpsConnector connector(boolean enabled, int port) {
        return new DeviceHttpsConnector(new HttpsProperties(enabled, port, DataSize.ofKilobytes(96)), "localhost",
                new StaticListableBeanFactory().getBeanProvider(DeviceTlsMaterial.class));
    }
}
