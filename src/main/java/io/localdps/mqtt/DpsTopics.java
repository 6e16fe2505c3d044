package io.localdps.mqtt;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The only topics this server knows (device-api.md §5.2–5.4): the response filter devices
 * subscribe to, the two request topics they publish to, and the response topic format whose
 * exact shape the SDK parsers depend on.
 */
final class DpsTopics {

    static final String RESPONSE_FILTER = "$dps/registrations/res/#";
    static final String REGISTER_PREFIX = "$dps/registrations/PUT/iotdps-register/?";
    static final String OPERATION_STATUS_PREFIX = "$dps/registrations/GET/iotdps-get-operationstatus/?";

    /** device-api.md §5.3 suggests 128; a longer one is more likely garbage than a request ID. */
    static final int MAX_RID_LENGTH = 128;

    private DpsTopics() {
    }

    /** A request topic, with its {@code $rid} exactly as the device wrote it (it is echoed verbatim). */
    sealed interface Request permits Register, OperationStatus {
        String rid();
    }

    record Register(String rid) implements Request {
    }

    /** @param operationId decoded: Python percent-encodes it */
    record OperationStatus(String rid, String operationId) implements Request {
    }

    /** Empty for any topic that is not one of the two request topics with a usable {@code $rid}. */
    static Optional<Request> parseRequest(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        if (topic.startsWith(REGISTER_PREFIX)) {
            return parameter(topic.substring(REGISTER_PREFIX.length()), "$rid")
                    .filter(DpsTopics::usableRid)
                    .map(Register::new);
        }
        if (topic.startsWith(OPERATION_STATUS_PREFIX)) {
            String query = topic.substring(OPERATION_STATUS_PREFIX.length());
            Optional<String> rid = parameter(query, "$rid").filter(DpsTopics::usableRid);
            Optional<String> operationId = parameter(query, "operationId")
                    .flatMap(DpsTopics::percentDecode)
                    .filter(id -> !id.isBlank());
            if (rid.isPresent() && operationId.isPresent()) {
                return Optional.of(new OperationStatus(rid.get(), operationId.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code $dps/registrations/res/{status}/?$rid={rid}[&retry-after={n}]}: {@code $rid} first and
     * verbatim (Python and C# parse it positionally), retry-after a plain integer after it.
     */
    static String responseTopic(int status, String rid, Integer retryAfterSeconds) {
        StringBuilder topic = new StringBuilder(48 + rid.length())
                .append("$dps/registrations/res/").append(status).append("/?$rid=").append(rid);
        if (retryAfterSeconds != null && retryAfterSeconds >= 0) {
            topic.append("&retry-after=").append(retryAfterSeconds);
        }
        return topic.toString();
    }

    /** The first value of {@code key}, raw; later duplicates and unknown keys are ignored. */
    private static Optional<String> parameter(String query, String key) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(key)) {
                return Optional.of(pair.substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean usableRid(String rid) {
        return !rid.isEmpty() && rid.length() <= MAX_RID_LENGTH;
    }

    /** Operation IDs contain no '+', so a literal one must stay a '+' rather than become a space. */
    private static Optional<String> percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        try {
            return Optional.of(URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
