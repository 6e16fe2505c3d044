package io.localdps.networking;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What saving a {@link NetworkChange} would mean, before it is saved.
 *
 * @param fieldErrors   problems that stop the save, by field ({@code ipFilterRules[0].ipMask})
 * @param warnings      rules that never apply (shadowed by earlier ones); saving is allowed
 * @param adminDecision how the new rules would treat the admin's own address on the service API,
 *                      when it is known
 */
public record NetworkReview(Map<String, String> fieldErrors, List<String> warnings, Optional<IpFilter.Decision> adminDecision) {

    public boolean valid() {
        return fieldErrors.isEmpty();
    }

    /** True when the admin's own address could no longer call the service API: saving needs confirmation. */
    public boolean locksOutAdmin() {
        return adminDecision.map(decision -> !decision.accepted()).orElse(false);
    }
}
