package org.trustregistry.server.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts IdempotentRequests in front of every handler (it picks the command-side ones itself). */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration implements WebMvcConfigurer {

    private final IdempotentRequests requests;

    IdempotencyConfiguration(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requests);
    }
}
