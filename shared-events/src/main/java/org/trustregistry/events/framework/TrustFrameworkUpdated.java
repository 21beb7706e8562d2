package org.trustregistry.events.framework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The framework's description now reads as given. */
@Revision("1")
public record TrustFrameworkUpdated(UUID frameworkId, String name, String frameworkVersion, String description,
                                    String governanceFrameworkUrl, List<String> legalAgreements,
                                    List<String> jurisdictions, List<String> contexts, String actor,
                                    Instant updatedAt) {
}
