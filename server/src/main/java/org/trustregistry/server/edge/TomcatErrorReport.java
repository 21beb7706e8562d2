package org.trustregistry.server.edge;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes {@link ProblemErrorReportValve} the error report valve of Tomcat's host. Boot offers no host
 * customizer; a context customizer runs after the context was added to the host (and before the host
 * starts and creates its valve), so it can set the class on its parent.
 */
@Component
class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            } else {
                throw new IllegalStateException("Tomcat's context has no host to report errors as problems");
            }
        });
    }
}
