package io.localdps.https;

import io.localdps.common.DatabaseOutage;
import io.localdps.registration.DeviceRegistrations;
import io.localdps.registration.DeviceResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The HTTPS binding of the device API (device-api.md §4): register and operation status, handed
 * to {@link DeviceRegistrations} and written back as DPS writes them.
 *
 * <p>A Spring MVC controller rather than a servlet of its own: the HTTPS port will also serve the
 * DPS service REST API, which is Spring MVC (springdoc documents it from the controllers), and
 * sharing the DispatcherServlet keeps one routing, one filter chain and one security set-up for
 * that port. A separate servlet would need its own mapping next to Vaadin's root mapping and its
 * own path decoding. What a servlet would have made trivial is done here explicitly: the fixed
 * segments match case-insensitively ({@link DevicePaths}), the response is written to the servlet
 * response directly so content negotiation never changes the JSON content type, and anything else
 * under {@code /{idScope}/registrations} gets a DPS error body instead of reaching the console.
 *
 * <p>Which port serves what is decided before Spring MVC, by {@link DeviceEndpointFilter}.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DeviceApiController {

    private static final Logger log = LoggerFactory.getLogger(DeviceApiController.class);

    private final ObjectProvider<DeviceRegistrations> registrations;
    private final HttpDeviceRequests requests;

    DeviceApiController(ObjectProvider<DeviceRegistrations> registrations, HttpsProperties properties) {
        this.registrations = registrations;
        this.requests = new HttpDeviceRequests(properties.maxRequestBody().toBytes());
    }

    @PutMapping(DevicePaths.REGISTER)
    void register(@PathVariable String idScope, @PathVariable String registrationId,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        DeviceResponse answer = registrations().register(requests.register(idScope, registrationId, request));
        DeviceResponses.write(response, answer);
    }

    @GetMapping(DevicePaths.OPERATION)
    void operationStatus(@PathVariable String idScope, @PathVariable String registrationId,
                         @PathVariable String operationId,
                         HttpServletRequest request, HttpServletResponse response) throws IOException {
        DeviceResponse answer = registrations().operationStatus(
                requests.operationStatus(idScope, registrationId, request), operationId);
        DeviceResponses.write(response, answer);
    }

    /** Less specific than the two operations, so it only sees what they do not match. */
    @RequestMapping(DevicePaths.ANY)
    void unknown(HttpServletRequest request) {
        throw DevicePaths.allowedMethod(request.getRequestURI())
                .map(allowed -> DeviceApiException.methodNotAllowed(request.getMethod(), allowed))
                .orElseGet(() -> DeviceApiException.notFound("No device API operation at " + request.getRequestURI()
                        + "; use PUT /{idScope}/registrations/{registrationId}/register or "
                        + "GET /{idScope}/registrations/{registrationId}/operations/{operationId}."));
    }

    @ExceptionHandler(DeviceApiException.class)
    void refused(DeviceApiException error, HttpServletResponse response) throws IOException {
        DeviceResponses.error(response, error);
    }

    /**
     * DPS failed: while the database is unreachable a 503 with {@code Retry-After} (nothing was written: every write
     * is one transaction); otherwise unexpectedly, a 500 with an error body. Devices retry both (device-api.md §4.5).
     */
    @ExceptionHandler(Exception.class)
    void failed(Exception error, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (DatabaseOutage.causedBy(error)) {
            log.debug("Device request {} {}: database unavailable, answered 503: {}", request.getMethod(), request.getRequestURI(),
                    error.toString());
            DeviceResponses.error(response, DeviceApiException.unavailable(
                    "The service is temporarily unavailable; retry later.", DatabaseOutage.RETRY_AFTER_SECONDS));
            return;
        }
        log.error("Device request {} {} failed", request.getMethod(), request.getRequestURI(), error);
        DeviceResponses.error(response, new DeviceApiException(500, 500000, "Internal error; retry later."));
    }

    /** Missing only until the registration service is part of the application, or in a trimmed test context. */
    private DeviceRegistrations registrations() {
        DeviceRegistrations service = registrations.getIfAvailable();
        if (service == null) {
            throw new DeviceApiException(503, 503000, "Device registration is not available on this server.");
        }
        return service;
    }
}
