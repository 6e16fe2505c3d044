package io.localdps.simulator.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The answers a device's MQTT client received, in order; a lost connection ends the wait at once. */
final class MqttAnswers {

    private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();

    void add(Answer answer) {
        received.add(answer);
    }

    void lost(String reason) {
        received.add(new IOException(reason));
    }

    Answer next(Duration timeout) throws IOException, InterruptedException {
        Object next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new IOException("no answer within " + timeout.toSeconds() + " s");
        }
        if (next instanceof IOException lost) {
            throw new IOException(lost.getMessage(), lost);
        }
        return (Answer) next;
    }
}
