package io.localdps.registration;

import java.util.ArrayList;
import java.util.List;

/** The last few attempts of a device, newest first; older ones fall off. */
public record AttemptLog(List<Attempt> attempts) {

    static final int KEPT = 10;

    public AttemptLog {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public static AttemptLog empty() {
        return new AttemptLog(List.of());
    }

    AttemptLog with(Attempt attempt) {
        List<Attempt> next = new ArrayList<>(KEPT);
        next.add(attempt);
        attempts.stream().limit(KEPT - 1).forEach(next::add);
        return new AttemptLog(next);
    }
}
