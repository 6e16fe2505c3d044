package io.localdps.allocation;

import io.localdps.enrollment.InitialTwin;
import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;

/** The hub a device goes to, or why it goes nowhere. */
public sealed interface AllocationDecision {

    /**
     * @param iotHubHostName the chosen hub, lower-case, one of the request's candidates
     * @param initialTwin    the twin a custom-allocation webhook returned; null when it returned none
     *                       (then the enrollment's twin applies, service-api.md §8.3) or for built-in policies
     * @param payload        the webhook's {@code payload} for the device's registration state; null when
     *                       none. Always an object: the Java device SDK cannot read anything else.
     */
    record Assigned(String iotHubHostName, InitialTwin initialTwin, ObjectNode payload) implements AllocationDecision {

        public Assigned {
            Objects.requireNonNull(iotHubHostName, "iotHubHostName");
        }

        static Assigned to(CandidateHub hub) {
            return new Assigned(hub.hostName(), null, null);
        }
    }

    /**
     * @param errorCode    one of {@link AllocationErrorCodes}, for the registration state's {@code errorCode}
     * @param errorMessage a sentence for the device and the console; never contains the webhook's URL
     */
    record Failed(int errorCode, String errorMessage) implements AllocationDecision {

        public Failed {
            Objects.requireNonNull(errorMessage, "errorMessage");
        }
    }
}
