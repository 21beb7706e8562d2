package org.trustregistry.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Sets {@code instance} (the request path) on every problem detail that leaves through Spring MVC, and
 * notes the problem on the request (its detail is the reason the audit of refusals records).
 */
@RestControllerAdvice
class ProblemInstanceAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                         Class<? extends HttpMessageConverter<?>> converterType,
                                         ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest http = servlet.getServletRequest();
            if (problem.getInstance() == null) {
                problem.setInstance(Problems.instanceFor(Problems.requestPath(http)));
            }
            http.setAttribute(Problems.ATTRIBUTE, problem);
        }
        return body;
    }
}
