package org.trustregistry.command.framework;

import java.util.List;
import java.util.UUID;

public record CreateTrustFramework(UUID frameworkId, String name, String version, String description,
                                   String governanceFrameworkUrl, List<String> legalAgreements,
                                   List<String> jurisdictions, List<String> contexts) {
}
