package io.localdps.serviceapi;

import io.localdps.https.ServiceApiRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every request under the service API that no operation takes, answered with Azure's error body
 * rather than Vaadin's or Spring's: 405 with an {@code Allow} header when the path is an
 * operation's path but the method is not its method (service-api.md §7), else 404. The known
 * paths are read from the operations' own mappings, so a new route is covered without a list to
 * keep in step.
 */
@RestController
class UnknownOperationController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Clock clock;
    private volatile Map<RequestMappingInfo, HandlerMethod> operations;

    UnknownOperationController(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
                               Clock clock) {
        this.mappings = mappings;
        this.clock = clock;
    }

    @Hidden
    @RequestMapping(ServiceApiRequest.PREFIX + "/**")
    ResponseEntity<String> unknown(HttpServletRequest request) {
        Set<String> allowed = allowedMethods(request.getRequestURI());
        if (allowed.isEmpty()) {
            throw new ServiceApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no such service API operation.");
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ALLOW, String.join(", ", allowed))
                .header("x-ms-error-code", Integer.toString(ErrorCodes.METHOD_NOT_ALLOWED))
                .header("x-ms-request-id", UUID.randomUUID().toString())
                .body(ErrorBody.json(ErrorCodes.METHOD_NOT_ALLOWED, "This path accepts " + String.join(", ", allowed)
                        + ", not " + request.getMethod() + ".", Map.of(), clock.instant()));
    }

    /** The methods of the operations (those declaring a right) whose path pattern matches the internal URI. */
    private Set<String> allowedMethods(String uri) {
        PathContainer path = PathContainer.parsePath(uri);
        Set<String> allowed = new TreeSet<>();
        operations().forEach((info, method) -> {
            if (!method.hasMethodAnnotation(RequiresRight.class) || info.getPathPatternsCondition() == null) {
                return;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (pattern.matches(path)) {
                    info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(allowed::add);
                }
            }
        });
        return allowed;
    }

    private Map<RequestMappingInfo, HandlerMethod> operations() {
        Map<RequestMappingInfo, HandlerMethod> known = operations;
        if (known == null) {
            known = mappings.getObject().getHandlerMethods();
            operations = known;
        }
        return known;
    }
}
