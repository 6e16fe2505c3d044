package io.localdps.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.localdps.mqtt.TestPackets.connect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MQTT endpoint behind a TCP proxy that sends the PROXY protocol header, over real loopback
 * sockets: each client writes the header a proxy would (v1 as text, v2 through Netty's encoder),
 * then does TLS and an MQTT 3.1.1 CONNECT on the same socket. The IP filter must judge the address
 * in the header, never the socket's peer (127.0.0.1, standing in for the proxy).
 */
class MqttProxyProtocolTest {

    private static final TestPki PKI = new TestPki();
    private static final String REJECTED = "203.0.113.7";
    private static final String ACCEPTED = "203.0.113.8";
    private static final int CLOSED = -1;

    private final RecordingRegistrations registrations = new RecordingRegistrations();
    private final List<InetAddress> judged = new CopyOnWriteArrayList<>();
    private final List<InetSocketAddress> connectedFrom = new CopyOnWriteArrayList<>();
    private MqttServer server;

    @BeforeEach
    void startServerBehindAProxy() throws Exception {
        MqttAdmission rejectOne = client -> {
            judged.add(client);
            return !client.getHostAddress().equals(REJECTED);
        };
        MqttConnectCheck recordAddress = connect -> {
            connectedFrom.add(connect.remoteAddress());
            return MqttConnectCheck.Verdict.ACCEPT;
        };
        server = MqttServer.start(MqttSettings.defaults().withPort(0).withProxyProtocol(true), registrations,
                PKI.serverMaterial(), recordAddress, () -> { }, rejectOne);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aClientTheV1HeaderNamesAsRejectedGetsNotAuthorizedThoughTheProxyAddressIsLoopback() throws Exception {
        int returnCode = connectThroughProxy(v1Header(REJECTED));

        assertThat(returnCode).as("CONNACK not authorized").isEqualTo(5);
        assertThat(judged).extracting(InetAddress::getHostAddress).containsExactly(REJECTED);
        assertThat(connectedFrom).as("the CONNECT never reaches the DPS session").isEmpty();
    }

    @Test
    void aClientTheV1HeaderNamesAsAcceptedConnectsAndIsKnownByItsOwnAddress() throws Exception {
        int returnCode = connectThroughProxy(v1Header(ACCEPTED));

        assertThat(returnCode).as("CONNACK accepted").isZero();
        assertThat(connectedFrom).singleElement().satisfies(address -> {
            assertThat(address.getAddress().getHostAddress()).isEqualTo(ACCEPTED);
            assertThat(address.getPort()).isEqualTo(5555);
        });
    }

    @Test
    void theBinaryV2HeaderIsJudgedTheSameWay() throws Exception {
        assertThat(connectThroughProxy(v2Header(REJECTED))).isEqualTo(5);
        assertThat(connectThroughProxy(v2Header(ACCEPTED))).isZero();
        assertThat(judged).extracting(InetAddress::getHostAddress).containsExactly(REJECTED, ACCEPTED);
    }

    @Test
    void aClientThatSkipsTheProxyAndSendsNoHeaderIsClosedBeforeTls() throws Exception {
        assertThat(connectThroughProxy(new byte[0])).isEqualTo(CLOSED);
        assertThat(judged).as("the filter never judged the socket's own peer").isEmpty();
    }

    @Test
    void aHeaderThatNamesNoClientIsClosedRatherThanJudgedAsTheProxy() throws Exception {
        byte[] unknown = "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(connectThroughProxy(unknown)).isEqualTo(CLOSED);
        assertThat(judged).isEmpty();
    }

    /** Writes {@code header} in plain TCP, then TLS and CONNECT; the CONNACK return code, or -1 if the server hung up. */
    private int connectThroughProxy(byte[] header) throws IOException {
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            tcp.setSoTimeout(10_000);
            tcp.getOutputStream().write(header);
            tcp.getOutputStream().flush();
            try (SSLSocket tls = (SSLSocket) PKI.clientContext("TLSv1.2", null).getSocketFactory()
                    .createSocket(tcp, "localhost", server.port(), true)) {
                tls.startHandshake();
                OutputStream out = tls.getOutputStream();
                out.write(encodedConnect());
                out.flush();
                InputStream in = tls.getInputStream();
                byte[] connAck = in.readNBytes(4);
                if (connAck.length < 4) {
                    return CLOSED;
                }
                assertThat(connAck[0]).as("CONNACK packet type").isEqualTo((byte) 0x20);
                return connAck[3];
            } catch (IOException hungUp) {
                return CLOSED;
            }
        }
    }

    private static byte[] v1Header(String client) {
        return ("PROXY TCP4 " + client + " 127.0.0.1 5555 8883\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] v2Header(String client) {
        EmbeddedChannel encoder = new EmbeddedChannel(HAProxyMessageEncoder.INSTANCE);
        encoder.writeOutbound(new HAProxyMessage(HAProxyProtocolVersion.V2, HAProxyCommand.PROXY,
                HAProxyProxiedProtocol.TCP4, client, "127.0.0.1", 5555, 8883));
        return drain(encoder);
    }

    private static byte[] encodedConnect() {
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        encoder.writeOutbound(connect(MqttVersion.MQTT_3_1_1).build());
        return drain(encoder);
    }

    private static byte[] drain(EmbeddedChannel encoder) {
        ByteBuf encoded = encoder.readOutbound();
        try {
            byte[] bytes = new byte[encoded.readableBytes()];
            encoded.readBytes(bytes);
            return bytes;
        } finally {
            encoded.release();
            encoder.finishAndReleaseAll();
        }
    }
}
