package io.localdps.registration;

import io.localdps.enrollment.AttestationType;
import tools.jackson.databind.JsonNode;

/**
 * What the worker needs to finish a register call after the device got its 202: who the device
 * proved to be and through which enrollment, and what it sent. Stored with the operation so that
 * any node can finish it.
 *
 * @param groupId            the enrollment group, or null for an individual enrollment
 * @param credentialBinding  what a poll must present again: {@code sas} or the leaf's SHA-256 thumbprint
 * @param leafSha1Thumbprint X.509 devices: registered as the hub identity's thumbprint
 * @param endorsementKey     TPM devices: base64 TPM2B_PUBLIC, to wrap the hub key for the device
 * @param storageRootKey     TPM devices: base64 TPM2B_PUBLIC
 * @param payload            the device's custom payload, or null
 */
public record OperationWork(
        String idScope,
        String registrationId,
        String apiVersion,
        String transport,
        String clientAddress,
        AttestationType attestationType,
        String groupId,
        String credentialBinding,
        String leafSha1Thumbprint,
        String endorsementKey,
        String storageRootKey,
        JsonNode payload) {
}
