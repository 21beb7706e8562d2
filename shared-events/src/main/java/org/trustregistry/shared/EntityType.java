package org.trustregistry.shared;

/** The two kinds of accredited entity a registry authorizes: issuers and verifiers of credentials. */
public enum EntityType {
    ISSUER("issue"),
    VERIFIER("verify");

    private final String trqpAction;

    EntityType(String trqpAction) {
        this.trqpAction = trqpAction;
    }

    /** The TRQP action this kind of entity is authorized for. */
    public String trqpAction() {
        return trqpAction;
    }
}
