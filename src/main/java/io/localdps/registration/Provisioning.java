package io.localdps.registration;

import io.localdps.enrollment.InitialTwin;
import tools.jackson.databind.JsonNode;

/** The outcome of the asynchronous part of a registration (behaviour.md §2 steps 7–10). */
sealed interface Provisioning {

    record Assigned(String hub, String deviceId, Substatus substatus, JsonNode payload, String tpmAuthenticationKey)
            implements Provisioning {
    }

    record Ended(RegistrationStatus status, int errorCode, String message) implements Provisioning {
    }

    /** What the reprovision matrix decided to do to the hubs, before doing it. */
    record Plan(String hub, String deviceId, Substatus substatus, Action action, InitialTwin twin) {
    }

    enum Action {
        /** Create the device (or refresh it if present) and apply the twin if one is given. */
        CREATE,
        /** Refresh credentials only. */
        REFRESH,
        /** Copy identity and twin from the old hub, remove it there. */
        MIGRATE,
        /** Remove from the old hub, create in the new one with the initial twin. */
        MOVE_AND_RESET,
        /** Same hub: refresh credentials and replace the twin with the initial one. */
        RESET_IN_PLACE
    }
}
