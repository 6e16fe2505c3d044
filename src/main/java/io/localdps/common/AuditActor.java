package io.localdps.common;

import java.util.Optional;

/**
 * Who is changing things on this thread when it is not a console user: a service API call names
 * its shared access policy, the lab's command line says so. The audit log falls back to the
 * signed-in console user (Spring Security) and then to "system" (e.g. the owner policy created at
 * first start). Bound per thread because the change runs on the request's thread.
 */
public final class AuditActor {

    public static final String COMMAND_LINE = "command line";
    public static final String SYSTEM = "system";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private AuditActor() {
    }

    public static String serviceApi(String policyName) {
        return "service API (policy " + policyName + ")";
    }

    /** Binds the actor until the returned scope is closed, which restores the previous one. */
    public static Scope actAs(String actor) {
        String previous = CURRENT.get();
        CURRENT.set(actor);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
