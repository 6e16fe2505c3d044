package io.localdps.serviceapi;

import io.localdps.accesspolicy.ServiceAuthorization;
import io.localdps.accesspolicy.SharedAccessPolicyService;
import io.localdps.common.AuditActor;
import io.localdps.https.ServiceApiRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;

/**
 * Authorizes every service API call before its handler runs: the SAS token against the shared
 * access policies and the right the handler declares ({@link RequiresRight}), then the
 * api-version. A handler without a declared right is refused, so a new route cannot be open by
 * omission.
 */
final class ServiceApiInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ServiceApiInterceptor.class);
    /** The audit actor bound for the handler; closed when the request completes, however it ends. */
    private static final String AUDIT_SCOPE = ServiceApiInterceptor.class.getName() + ".auditScope";

    private final SharedAccessPolicyService policies;
    private final Clock clock;

    ServiceApiInterceptor(SharedAccessPolicyService policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RequiresRight.class)) {
            return true; // the catch-all 404/405 handler: nothing to protect, nothing to reveal
        }
        RequiresRight required = method.getMethodAnnotation(RequiresRight.class);
        Object original = request.getAttribute(ServiceApiRequest.ORIGINAL_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        ServiceAuthorization result = policies.authorize(request.getHeader(HttpHeaders.AUTHORIZATION), path, required.value());
        if (result instanceof ServiceAuthorization.Denied denied) {
            log.info("Service API {} {} refused: {} ({})", request.getMethod(), path, denied.reason(), denied.detail());
            ErrorBody.write(response, 401, ErrorCodes.UNAUTHORIZED, "Unauthorized: " + denied.detail(), clock.instant());
            return false;
        }
        if (!ApiVersions.accepted(request.getParameter("api-version"))) {
            ErrorBody.write(response, 400, ErrorCodes.UNKNOWN_API_VERSION, "Unknown api version", clock.instant());
            return false;
        }
        String policy = ((ServiceAuthorization.Granted) result).policyName();
        request.setAttribute(AUDIT_SCOPE, AuditActor.actAs(AuditActor.serviceApi(policy)));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(AUDIT_SCOPE) instanceof AuditActor.Scope scope) {
            request.removeAttribute(AUDIT_SCOPE);
            scope.close();
        }
    }
}
