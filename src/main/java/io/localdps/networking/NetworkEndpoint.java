package io.localdps.networking;

/**
 * What a client is connecting to. The device API is MQTT and the HTTPS device paths; the service
 * API is the HTTPS service paths (and their OpenAPI description). The console has a port of its
 * own and is never filtered, so an IP rule cannot lock the admin out of the page that edits it.
 */
public enum NetworkEndpoint {
    DEVICE_API,
    SERVICE_API
}
