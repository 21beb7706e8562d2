package org.trustregistry.command.framework;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateTrustFramework(@TargetAggregateIdentifier UUID frameworkId, String name, String version,
                                   String description, String governanceFrameworkUrl, List<String> legalAgreements,
                                   List<String> jurisdictions, List<String> contexts) {
}
