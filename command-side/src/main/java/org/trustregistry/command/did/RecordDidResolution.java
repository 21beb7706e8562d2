package org.trustregistry.command.did;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the public keys a DID resolved to (by {@link DidResolution}, which did the I/O before). */
public record RecordDidResolution(@TargetAggregateIdentifier String did, List<Map<String, Object>> publicKeys,
                                  String source) {
}
