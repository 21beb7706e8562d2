package org.trustregistry.command.issuer;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.accreditation.AccreditedEntityCommandController;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.shared.EntityType;

@RestController
@RequestMapping("/v2/issuers")
class IssuerCommandController extends AccreditedEntityCommandController {

    IssuerCommandController(CommandSender commands) {
        super(EntityType.ISSUER, commands);
    }
}
