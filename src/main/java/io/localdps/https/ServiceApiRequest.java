package io.localdps.https;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Locale;

/**
 * A service API request from the HTTPS port, seen by Spring MVC under {@link #PREFIX}. The console
 * has pages at {@code /enrollments} and {@code /registrations} on its own port; with the prefix the
 * API's controllers can map their paths without ever matching a console URL, and the fixed first
 * segment arrives in one canonical spelling ({@code /enrollmentgroups} → {@code enrollmentGroups},
 * service-api.md §1). The path as received stays available for SAS checks.
 */
public final class ServiceApiRequest extends HttpServletRequestWrapper {

    /** Where Spring MVC sees the service API; unreachable from outside (the console port answers 404). */
    public static final String PREFIX = "/service-api";
    /** Request attribute holding the URI exactly as received. */
    public static final String ORIGINAL_URI = ServiceApiRequest.class.getName() + ".originalUri";

    private final String internalUri;

    ServiceApiRequest(HttpServletRequest request) {
        super(request);
        String uri = request.getRequestURI();
        request.setAttribute(ORIGINAL_URI, uri);
        this.internalUri = PREFIX + canonical(uri);
    }

    static boolean isInternal(String uri) {
        return uri.equals(PREFIX) || uri.startsWith(PREFIX + "/");
    }

    /** The first segment in the spelling of service-api.md §2; a trailing slash (C SDK bulk call) dropped. */
    private static String canonical(String uri) {
        String[] parts = uri.split("/", 3);
        String first = switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "enrollmentgroups" -> "enrollmentGroups";
            case "enrollments" -> "enrollments";
            default -> "registrations";
        };
        String rest = parts.length > 2 ? "/" + parts[2] : "";
        if (rest.equals("/")) {
            rest = "";
        }
        return "/" + first + rest;
    }

    @Override
    public String getRequestURI() {
        return internalUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer();
        url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort()).append(internalUri);
        return url;
    }

    @Override
    public String getServletPath() {
        return internalUri;
    }

    @Override
    public String getPathInfo() {
        return null;
    }
}
