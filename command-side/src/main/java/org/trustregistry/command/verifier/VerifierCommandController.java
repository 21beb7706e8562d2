package org.trustregistry.command.verifier;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.accreditation.AccreditedEntityCommandController;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.shared.EntityType;

@RestController
@RequestMapping("/v2/verifiers")
class VerifierCommandController extends AccreditedEntityCommandController {

    VerifierCommandController(CommandSender commands) {
        super(EntityType.VERIFIER, commands);
    }
}
