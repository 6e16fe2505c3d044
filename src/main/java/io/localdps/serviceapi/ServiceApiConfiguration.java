package io.localdps.serviceapi;

import io.localdps.accesspolicy.SharedAccessPolicyService;
import io.localdps.https.ServiceApiRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** Puts the SAS check in front of every service API handler. */
@Configuration(proxyBeanMethods = false)
class ServiceApiConfiguration implements WebMvcConfigurer {

    private final SharedAccessPolicyService policies;
    private final Clock clock;

    ServiceApiConfiguration(SharedAccessPolicyService policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ServiceApiInterceptor(policies, clock)).addPathPatterns(ServiceApiRequest.PREFIX + "/**");
    }
}
