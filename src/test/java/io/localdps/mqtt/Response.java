package io.localdps.mqtt;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A response PUBLISH as a real client received it. */
public record Response(String topic, String payload, int qos) {

    private static final Pattern OPERATION_ID = Pattern.compile("\"operationId\":\"([^\"]+)\"");

    public String operationId() {
        Matcher matcher = OPERATION_ID.matcher(payload);
        if (!matcher.find()) {
            throw new AssertionError("no operationId in " + payload);
        }
        return matcher.group(1);
    }

    /** Waits for the next one; the timeout only keeps a broken server from hanging the build. */
    static Response next(BlockingQueue<Response> received) throws InterruptedException {
        Response response = received.poll(30, TimeUnit.SECONDS);
        if (response == null) {
            throw new AssertionError("no response PUBLISH arrived");
        }
        return response;
    }
}
