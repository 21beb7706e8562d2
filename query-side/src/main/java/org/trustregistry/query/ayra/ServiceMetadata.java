package org.trustregistry.query.ayra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v2/metadata} without {@code authority_id}: the registry service as a whole, in the profile's
 * {@code TrustRegistryMetadata} shape. That schema allows no other members, so the ecosystems the service
 * serves (each an {@code authority_id} for TRQP queries) are listed in its description, newest first, as
 * many as fit in the profile's 4096 characters; {@code authority_id} is given only when there is exactly
 * one. {@code id}, {@code name}, a description and {@code controllers} can be set by the operator
 * ({@code trust-registry.metadata.*}); without an id the service's TRQP endpoint URL is its id.
 */
@Component
class ServiceMetadata {

    /** A registry the service serves (not retired), as listed in the description. */
    record Served(String ecosystemDid, String name, String status) {
    }

    private static final String DEFAULT_DESCRIPTION = "A trust registry service answering TRQP v2 authorization"
            + " queries (actions issue and verify, on credential types) and recognition queries (registries it"
            + " recognises) for the ecosystems it serves, now or at a past time.";

    private final String id;
    private final String name;
    private final String description;
    private final List<String> controllers;

    ServiceMetadata(@Value("${trust-registry.metadata.id:}") String id,
                    @Value("${trust-registry.metadata.name:Trust Registry}") String name,
                    @Value("${trust-registry.metadata.description:}") String description,
                    @Value("${trust-registry.metadata.controllers:}") List<String> controllers) {
        this.id = id == null ? "" : id.trim();
        this.name = name == null || name.isBlank() ? "Trust Registry" : name.trim();
        this.description = description == null || description.isBlank() ? DEFAULT_DESCRIPTION : description.trim();
        this.controllers = controllers == null ? List.of()
                : controllers.stream().map(String::trim).filter(c -> !c.isEmpty()).distinct().toList();
    }

    /**
     * @param endpoint   the service's TRQP base URL, the id when none is configured
     * @param served     the first registries served, newest first
     * @param total      how many registries are served in all
     * @param didMethods the DID methods of the DIDs the service knows
     */
    Map<String, Object> describe(String endpoint, List<Served> served, long total, List<String> didMethods) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("id", id.isEmpty() ? endpoint : id);
        if (total == 1 && served.size() == 1) {
            metadata.put("authority_id", served.get(0).ecosystemDid());
        }
        metadata.put("name", name);
        metadata.put("description", describe(served, total));
        if (!controllers.isEmpty()) {
            metadata.put("controllers", controllers);
        }
        metadata.put("supported_did_methods", didMethods);
        return metadata;
    }

    private String describe(List<Served> served, long total) {
        StringBuilder text = new StringBuilder(description);
        if (total == 0) {
            text.append(" It serves no ecosystem yet.");
            return cut(text.toString());
        }
        String more = " GET /v2/metadata?authority_id=<DID> describes one of them, GET /v2/registries lists them all.";
        text.append(total == 1 ? " Ecosystem (authority_id): " : " Ecosystems (authority_id), " + total
                + ", newest first: ");
        int listed = 0;
        for (Served registry : served) {
            String entry = (listed == 0 ? "" : "; ") + registry.ecosystemDid() + " (" + registry.name()
                    + ("ACTIVE".equals(registry.status()) ? "" : ", " + registry.status().toLowerCase(java.util.Locale.ROOT))
                    + ")";
            String rest = total - listed - 1 == 0 ? "." : "; and " + (total - listed - 1) + " more.";
            if (text.length() + entry.length() + rest.length() + more.length() > AyraProfileController.MAX_DESCRIPTION) {
                break;
            }
            text.append(entry);
            listed++;
        }
        text.append(total == listed ? "." : (listed == 0 ? "" : "; and ") + (total - listed) + " more.");
        text.append(more);
        return cut(text.toString());
    }

    private static String cut(String text) {
        return text.length() > AyraProfileController.MAX_DESCRIPTION
                ? text.substring(0, AyraProfileController.MAX_DESCRIPTION) : text;
    }
}
