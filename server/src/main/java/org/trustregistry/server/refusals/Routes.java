package org.trustregistry.server.refusals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The route template a request path falls under ({@code /v2/issuers/{id}/status}), from Spring MVC's own
 * handler mappings, for requests refused before any handler was chosen (by a filter) as well as after. The
 * most specific pattern of the request's method wins; a path some route matches for another method only
 * (a 405) names that route.
 */
@Component
class Routes {

    /** A matched route: its template, and the value of its first path variable (if it has one). */
    record Route(String template, String firstVariable) {
    }

    private record Mapping(PathPattern pattern, Set<RequestMethod> methods) {
    }

    private static final Comparator<Mapping> MOST_SPECIFIC =
            Comparator.comparing(Mapping::pattern, PathPattern.SPECIFICITY_COMPARATOR);

    private final RequestMappingHandlerMapping handlers;
    private volatile List<Mapping> mappings;

    Routes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    Optional<Route> match(String method, String rawPath) {
        PathContainer path;
        try {
            path = PathContainer.parsePath(rawPath);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Mapping best = null;
        boolean bestAllowsMethod = false;
        for (Mapping mapping : mappings()) {
            if (!mapping.pattern().matches(path)) {
                continue;
            }
            boolean allows = mapping.methods().isEmpty()
                    || mapping.methods().stream().anyMatch(m -> m.name().equals(method));
            if (best == null || allows && !bestAllowsMethod
                    || allows == bestAllowsMethod && MOST_SPECIFIC.compare(mapping, best) < 0) {
                best = mapping;
                bestAllowsMethod = allows;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        PathPattern.PathMatchInfo info = best.pattern().matchAndExtract(path);
        Map<String, String> variables = info == null ? Map.of() : info.getUriVariables();
        String first = variables.isEmpty() ? null : firstVariable(best.pattern().getPatternString(), variables);
        return Optional.of(new Route(best.pattern().getPatternString(), first));
    }

    private static String firstVariable(String template, Map<String, String> variables) {
        int open = template.indexOf('{');
        int close = template.indexOf('}', open);
        if (open < 0 || close < 0) {
            return null;
        }
        String name = template.substring(open + 1, close).replace("*", "");
        int colon = name.indexOf(':');
        return variables.get(colon < 0 ? name : name.substring(0, colon));
    }

    private List<Mapping> mappings() {
        List<Mapping> known = mappings;
        if (known == null) {
            List<Mapping> found = new ArrayList<>();
            for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    if (!pattern.getPatternString().equals("/error")) {
                        found.add(new Mapping(pattern, info.getMethodsCondition().getMethods()));
                    }
                }
            }
            known = List.copyOf(found);
            mappings = known;
        }
        return known;
    }
}
