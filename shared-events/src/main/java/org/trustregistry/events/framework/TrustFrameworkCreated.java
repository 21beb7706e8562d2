package org.trustregistry.events.framework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A trust framework (the governance rules an ecosystem follows) was created, ACTIVE. */
@Revision("1")
public record TrustFrameworkCreated(UUID frameworkId, String name, String frameworkVersion, String description,
                                    String governanceFrameworkUrl, List<String> legalAgreements,
                                    List<String> jurisdictions, List<String> contexts, String actor,
                                    Instant createdAt) {
}
