package io.localdps.https;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Keeps the two ports apart, before Spring Security and Spring MVC see a request: the device port
 * serves only the device API, the console's port never serves it. Both share one
 * DispatcherServlet, and Vaadin's catch-all mapping would otherwise answer every path on both.
 *
 * <p>The service REST API is admitted on the device port as well (by path, client-compat.md TLS-2),
 * under an internal path ({@link ServiceApiRequest}) so that its controllers never answer the
 * console's own {@code /enrollments} and {@code /registrations} pages, and so is its OpenAPI
 * description with Swagger UI; the console's port answers neither, so its login stays untouched.
 */
final class DeviceEndpointFilter extends OncePerRequestFilter {

    private final DeviceHttpsConnector connector;

    DeviceEndpointFilter(DeviceHttpsConnector connector) {
        this.connector = connector;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean devicePort = connector.received(request);
        String uri = request.getRequestURI();
        if (devicePort && DevicePaths.isServiceApi(uri)) {
            chain.doFilter(new ServiceApiRequest(request), response);
            return;
        }
        if (DevicePaths.isApiDocumentation(uri)) {
            if (devicePort) {
                chain.doFilter(request, response);
            } else {
                DeviceResponses.error(response, DeviceApiException.notFound(
                        "The service API's description is served on the HTTPS endpoint's port, not on the console's."));
            }
            return;
        }
        if (!devicePort && ServiceApiRequest.isInternal(uri)) {
            DeviceResponses.error(response, DeviceApiException.notFound(
                    "The service API is served on the HTTPS endpoint's port, not on the console's."));
            return;
        }
        boolean devicePath = DevicePaths.isDeviceApi(uri);
        if (devicePort && !devicePath) {
            DeviceResponses.error(response, DeviceApiException.notFound(
                    "The device endpoint serves only /{idScope}/registrations/...; the console has a port of its own."));
            return;
        }
        if (!devicePort && devicePath) {
            DeviceResponses.error(response, DeviceApiException.notFound(
                    "The device API is served on the device endpoint's HTTPS port, not on the console's."));
            return;
        }
        chain.doFilter(request, response);
    }
}
