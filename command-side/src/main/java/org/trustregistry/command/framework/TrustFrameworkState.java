package org.trustregistry.command.framework;

import java.util.List;
import java.util.UUID;
import org.trustregistry.shared.TrustFrameworkStatus;

/** The framework as a command left it: what a write returns to its caller. */
public record TrustFrameworkState(UUID id, String name, String version, String description,
                                  String governanceFrameworkUrl, List<String> legalAgreements,
                                  List<String> jurisdictions, List<String> contexts, TrustFrameworkStatus status,
                                  String statusReason) {
}
