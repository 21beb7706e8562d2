package org.trustregistry.command.common.access;

/**
 * The actor of the HTTP request being handled, as the commands it sends will carry it in their metadata.
 * For work that comes before a command and should not be done for a caller the command would refuse (a
 * DID resolution fetches a document first). The server provides it; it knows the request's caller.
 */
public interface RequestActor {

    Actor current();
}
