package io.localdps.simulator;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * What happened to one simulated device.
 *
 * @param number         the device number ({@code {n}} of the pattern)
 * @param registrationId the registration ID it registered with
 * @param status         how it ended
 * @param substatus      {@code initialAssignment}, {@code deviceDataMigrated}, ... when assigned; else null
 * @param assignedHub    host name of the assigned IoT hub, or null
 * @param deviceId       IoT Hub device ID, or null
 * @param attempts       register requests sent (1 plus retries after throttling or transient errors); 0 if never started
 * @param throttled      how many answers were 429 (throttling) for this device
 * @param latencyMillis  from the start of the device's first connection to its terminal answer; -1 if never started
 * @param errorCode      the DPS's numeric error code (e.g. 401002), or 0
 * @param error          error text (DPS error message, HTTP status, transport failure), or null
 * @param finishedAt     when the outcome was recorded
 */
public record DeviceOutcome(long number, String registrationId, DeviceStatus status, String substatus, String assignedHub,
                            String deviceId, int attempts, int throttled, long latencyMillis, int errorCode, String error,
                            Instant finishedAt) {

    /** The header line of {@link #writeCsv}. */
    public static final String CSV_HEADER =
            "number,registrationId,status,substatus,assignedHub,deviceId,attempts,throttled,latencyMs,errorCode,error,finishedAt";

    /** Writes this outcome as one CSV line (RFC 4180 quoting), with a line break. */
    public void writeCsv(Writer out) throws IOException {
        out.write(number + "," + csv(registrationId) + "," + status.label() + "," + csv(substatus) + "," + csv(assignedHub)
                + "," + csv(deviceId) + "," + attempts + "," + throttled + "," + latencyMillis + "," + errorCode + ","
                + csv(error) + "," + finishedAt + "\r\n");
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
