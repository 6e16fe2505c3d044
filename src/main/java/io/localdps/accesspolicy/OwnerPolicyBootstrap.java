package io.localdps.accesspolicy;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates {@code provisioningserviceowner} on first start, as Azure does for a new instance. */
@Component
class OwnerPolicyBootstrap implements ApplicationRunner {

    private final SharedAccessPolicyService policies;

    OwnerPolicyBootstrap(SharedAccessPolicyService policies) {
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) {
        policies.ensureOwnerPolicy();
    }
}
