package io.localdps.https;

import io.localdps.registration.DeviceCredentials;
import io.localdps.registration.DeviceRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns an HTTP request into a transport-independent {@link DeviceRequest}, refusing what the HTTPS
 * binding itself must refuse: a missing or malformed {@code api-version}, a non-JSON body, a body
 * over the size limit.
 */
final class HttpDeviceRequests {

    /** The servlet attribute where the container puts the TLS client chain, leaf first. */
    static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    /**
     * Any {@code YYYY-MM-DD[-preview]} (device-api.md §8): old devices send versions long retired
     * and must keep working, so the set is not closed.
     */
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?", Pattern.CASE_INSENSITIVE);

    private final long maxBody;

    HttpDeviceRequests(long maxBody) {
        this.maxBody = maxBody;
    }

    DeviceRequest register(String idScope, String registrationId, HttpServletRequest request) throws IOException {
        String apiVersion = apiVersion(request);
        requireJson(request);
        return new DeviceRequest(idScope, registrationId, apiVersion, credentials(request), body(request),
                DeviceRequest.Transport.HTTPS, remoteAddress(request));
    }

    /** The poll's body is ignored: Java sends none, Node sends {@code {}} (client-compat.md HTTP-4). */
    DeviceRequest operationStatus(String idScope, String registrationId, HttpServletRequest request) {
        return new DeviceRequest(idScope, registrationId, apiVersion(request), credentials(request), new byte[0],
                DeviceRequest.Transport.HTTPS, remoteAddress(request));
    }

    /**
     * The Authorization header verbatim when present (SAS devices, and TPM devices after the
     * challenge), else the TLS client chain (X.509 devices), else nothing (the TPM's first call).
     */
    static DeviceCredentials credentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return new DeviceCredentials.SasToken(authorization);
        }
        if (request.getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
            return new DeviceCredentials.ClientCertificates(List.of(chain));
        }
        return new DeviceCredentials.None();
    }

    private static String apiVersion(HttpServletRequest request) {
        String apiVersion = request.getParameter("api-version");
        if (apiVersion == null || apiVersion.isBlank()) {
            throw new DeviceApiException(400, 400004, "The api-version query parameter is required.");
        }
        if (!API_VERSION.matcher(apiVersion).matches()) {
            throw new DeviceApiException(400, 400004, "Unknown api version '" + apiVersion + "'.");
        }
        return apiVersion;
    }

    /** No Content-Type is tolerated (hand-made requests); a present one must be JSON. */
    private static void requireJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) || "json".equalsIgnoreCase(type.getSubtypeSuffix())) {
                return;
            }
        } catch (InvalidMediaTypeException malformed) {
            // refused below like any other non-JSON type
        }
        throw new DeviceApiException(415, 415000, "Content-Type must be application/json, not '" + contentType + "'.");
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBody) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBody + 1);
            if (body.length > maxBody) {
                throw tooLarge();
            }
            return body;
        }
    }

    private DeviceApiException tooLarge() {
        return new DeviceApiException(413, 413000, "The request body is larger than the maximum of " + maxBody + " bytes.");
    }

    /** The container reports the peer as an IP literal, so building the address does no DNS lookup. */
    private static InetSocketAddress remoteAddress(HttpServletRequest request) {
        try {
            return new InetSocketAddress(InetAddress.getByName(request.getRemoteAddr()), request.getRemotePort());
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(request.getRemoteAddr(), request.getRemotePort());
        }
    }
}
