package io.localdps.hub;

/**
 * DPS cannot work with the hub: it is not linked (so DPS holds no credentials for it) or, with a
 * real hub, unreachable, throttling or refusing the credentials. The registration fails with a hub
 * error (behaviour.md §6.3); {@link #isTransient()} says whether retrying may help.
 */
public class HubUnavailableException extends RuntimeException {

    private final String hubHostName;
    private final boolean transientFailure;

    public HubUnavailableException(String hubHostName, String message, boolean transientFailure) {
        super(message);
        this.hubHostName = hubHostName;
        this.transientFailure = transientFailure;
    }

    public static HubUnavailableException notLinked(String hubHostName) {
        return new HubUnavailableException(hubHostName, "The IoT hub " + hubHostName + " is not linked to this DPS.", false);
    }

    public String hubHostName() {
        return hubHostName;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
