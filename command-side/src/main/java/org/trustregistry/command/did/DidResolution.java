package org.trustregistry.command.did;

import java.util.List;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.UpstreamFailureException;
import org.trustregistry.command.common.access.CommandAccess;
import org.trustregistry.shared.Did;

/**
 * Resolving a DID the registry knows, then recording the outcome with a command. The I/O happens here,
 * before the command is sent, never inside the aggregate or its transaction. Refused before any attempt
 * (nothing recorded): a malformed DID or one of a method we do not resolve (400), a did:web whose host is
 * an IP address or has an internal address (400, nothing connected), an unknown DID (404), a caller who may
 * not record the outcome (403, see {@link DidAccessRules}).
 * An attempt that fails is recorded as DidResolutionFailed and answered 502 (504 on time-out).
 */
@Component
class DidResolution {

    private final KnownDids known;
    private final DidKeyResolver didKey;
    private final DidWebResolver didWeb;
    private final CommandSender commands;
    private final CommandAccess access;

    DidResolution(KnownDids known, DidKeyResolver didKey, DidWebResolver didWeb, CommandSender commands,
                  CommandAccess access) {
        this.known = known;
        this.didKey = didKey;
        this.didWeb = didWeb;
        this.commands = commands;
        this.access = access;
    }

    DidEntryState resolve(String value) {
        DidEntry.requireDirectoryDid(value);
        if (!known.knows(value)) {
            throw new UnknownReferenceException("The directory does not know " + value
                    + "; PUT /v2/dids/{did} adds a DID to it");
        }
        // the recording command would be refused to this caller: refused before anything is fetched
        access.checkBeforeSending(new RecordDidResolution(value, List.of(), null));
        Did did = new Did(value);
        Resolution resolution;
        try {
            resolution = switch (did.method()) {
                case "key" -> didKey.resolve(did);
                case "web" -> didWeb.resolve(did);
                default -> throw new InvalidCommandException("did", "did:" + did.method()
                        + " is not a method this registry resolves (it resolves did:key and did:web)");
            };
        } catch (DidResolutionException e) {
            // recorded, but not the answer: a retry with the same Idempotency-Key resolves again
            commands.sendAside(new RecordDidResolutionFailure(value, e.getMessage(), e.source()));
            throw new UpstreamFailureException(e.getMessage(), e.timedOut());
        }
        return commands.send(new RecordDidResolution(value, resolution.publicKeys(), resolution.source()));
    }
}
