package org.trustregistry.command.did;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.command.common.StorableJson;

/** The DID directory's writes; DIDs are path segments (percent-encode a '%' in them as %25). */
@RestController
@RequestMapping("/v2/dids")
class DidCommandController {

    record ServiceRequest(@NotBlank @Size(max = 200) String serviceType,
                          @NotBlank @Size(max = DidEntry.MAX_ENDPOINT_LENGTH) String endpoint,
                          @Size(max = 100) @StorableJson Map<String, Object> metadata) {
    }

    private final CommandSender commands;
    private final DidResolution resolution;

    DidCommandController(CommandSender commands, DidResolution resolution) {
        this.commands = commands;
        this.resolution = resolution;
    }

    @PutMapping("/{did}")
    DidEntryState updateService(@PathVariable String did, @Valid @RequestBody ServiceRequest request) {
        return commands.send(new UpdateDidService(did, request.serviceType(), request.endpoint(),
                request.metadata()));
    }

    @PostMapping("/{did}/resolve")
    DidEntryState resolve(@PathVariable String did) {
        return resolution.resolve(did);
    }
}
