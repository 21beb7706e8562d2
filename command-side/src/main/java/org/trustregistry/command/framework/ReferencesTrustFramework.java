package org.trustregistry.command.framework;

import java.util.UUID;

/** A command that makes (or re-states) a reference to a trust framework; null means none. */
public interface ReferencesTrustFramework {

    UUID trustFrameworkId();
}
