package org.trustregistry.query.accreditation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** An issuer or verifier with the credential types it is authorized for. */
public record AccreditedEntityResponse(@JsonUnwrapped AccreditedEntityView entity,
                                       List<CredentialTypeGrantView> credentialTypes) {
}
