package io.localdps.https;

import io.localdps.networking.NetworkAdmission;
import io.localdps.networking.NetworkEndpoint;
import io.netty.util.NetUtil;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.InetAddress;

/**
 * The IP filter and public network access (security.md §5) on the HTTPS port, first of all
 * filters: device API paths are judged as {@code deviceApi}, everything else on that port (the
 * service API and its description) as {@code serviceApi}. A rejected request gets 401 with the
 * usual error body and nothing that names a rule. The console's port is never filtered.
 */
final class DeviceIpFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DeviceIpFilter.class);

    private final DeviceHttpsConnector connector;
    private final NetworkAdmission admission;
    private final Runnable onRejection;

    /** @param onRejection called for every rejected request (for metrics); must not block */
    DeviceIpFilter(DeviceHttpsConnector connector, NetworkAdmission admission, Runnable onRejection) {
        this.connector = connector;
        this.admission = admission;
        this.onRejection = onRejection;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!connector.received(request)) {
            chain.doFilter(request, response);
            return;
        }
        NetworkEndpoint endpoint = DevicePaths.isDeviceApi(request.getRequestURI()) ? NetworkEndpoint.DEVICE_API
                : NetworkEndpoint.SERVICE_API;
        InetAddress client = NetUtil.createInetAddressFromIpAddressString(request.getRemoteAddr());
        boolean admitted = client == null ? admission.current().admitsUnknownAddress() : admission.admits(client, endpoint);
        if (admitted) {
            chain.doFilter(request, response);
            return;
        }
        // DEBUG: a rejected source may retry without pause; dps.ipfilter.rejections counts them.
        onRejection.run();
        log.debug("HTTPS {} {} from {}: rejected by the IP filter", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr());
        DeviceResponses.error(response, DeviceApiException.unauthorized());
    }
}
