package io.localdps.mqtt;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The refused session's connect timeout must not outlive a client that hung up first. */
class RefusedMqttSessionTest {

    @Test
    void aClientThatHangsUpBeforeTheTimeoutLeavesNoTimeoutQueued() {
        RefusedMqttSession session = new RefusedMqttSession(Duration.ofMinutes(5));
        EmbeddedChannel channel = new EmbeddedChannel(session);
        assertThat(session.timeoutPending()).isTrue();

        channel.pipeline().fireChannelInactive();

        assertThat(session.timeoutPending()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void removingTheSessionFromThePipelineCancelsItsTimeout() {
        RefusedMqttSession session = new RefusedMqttSession(Duration.ofMinutes(5));
        EmbeddedChannel channel = new EmbeddedChannel(session);

        channel.pipeline().remove(session);

        assertThat(session.timeoutPending()).isFalse();
        channel.finishAndReleaseAll();
    }
}
