package org.trustregistry.server.edge;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A body member the strict JSON reading refused, with a message of ours (never Jackson's, which names
 * Java types). Jackson adds the member's path as the exception travels up.
 */
public class RefusedValueException extends MismatchedInputException {

    RefusedValueException(JsonParser parser, String message, Class<?> targetType) {
        super(parser, message, targetType);
    }
}
