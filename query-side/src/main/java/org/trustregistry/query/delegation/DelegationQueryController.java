package org.trustregistry.query.delegation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.NotFoundException;

/** The delegations of an issuer, given and received, and the chains from it up to root issuers. */
@RestController
@RequestMapping("/v2/issuers/{issuerId}")
class DelegationQueryController {

    record Delegations(UUID issuerId, List<IssuerDelegationView> given, List<IssuerDelegationView> received) {
    }

    /**
     * Every path of active delegations from the issuer up to a root issuer (one holding the types
     * itself), nearest link first. A root issuer has no chains; so has one that received nothing.
     */
    record DelegationChains(UUID issuerId, boolean delegated, List<List<IssuerDelegationView>> chains) {
    }

    private static final String ACTIVE = "ACTIVE";

    private final IssuerDelegationRepository delegations;

    DelegationQueryController(IssuerDelegationRepository delegations) {
        this.delegations = delegations;
    }

    @GetMapping("/delegations")
    @Operation(summary = "The delegations the issuer gave and those it received")
    Delegations delegations(@PathVariable UUID issuerId) {
        return new Delegations(issuerId, delegations.findByDelegatorIssuerIdOrderByCreatedAt(issuerId),
                delegations.findByDelegateIssuerIdOrderByCreatedAt(issuerId));
    }

    @GetMapping("/delegations/{delegationId}")
    IssuerDelegationView delegation(@PathVariable UUID issuerId, @PathVariable UUID delegationId) {
        return delegations.findById(delegationId)
                .filter(d -> d.getDelegatorIssuerId().equals(issuerId) || d.getDelegateIssuerId().equals(issuerId))
                .orElseThrow(() -> new NotFoundException("No delegation " + delegationId + " of issuer " + issuerId));
    }

    @GetMapping("/delegation-chain")
    @Operation(summary = "Every path of active delegations from the issuer up to a root issuer, nearest first")
    DelegationChains chain(@PathVariable UUID issuerId) {
        List<List<IssuerDelegationView>> chains = new ArrayList<>();
        walk(issuerId, new ArrayList<>(), new HashSet<>(), chains);
        return new DelegationChains(issuerId, !chains.isEmpty(), chains);
    }

    private void walk(UUID issuerId, List<IssuerDelegationView> path, Set<UUID> seen,
                      List<List<IssuerDelegationView>> chains) {
        List<IssuerDelegationView> received = delegations.findByDelegateIssuerIdAndStatus(issuerId, ACTIVE);
        if (received.isEmpty()) {
            if (!path.isEmpty()) {
                chains.add(List.copyOf(path));
            }
            return;
        }
        for (IssuerDelegationView link : received) {
            if (seen.add(link.getId())) { // the command side forbids cycles; this guards the walk anyway
                path.add(link);
                walk(link.getDelegatorIssuerId(), path, seen, chains);
                path.remove(path.size() - 1);
                seen.remove(link.getId());
            }
        }
    }
}
