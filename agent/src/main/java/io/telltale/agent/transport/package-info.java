/**
 * The agent's side of the wire: the one channel to the collector (mutual TLS, keepalive, backoff), report
 * assembly (records to protobuf), delivery of the spool and the enrollment and renewal calls.
 */
@NullMarked
package io.telltale.agent.transport;

import org.jspecify.annotations.NullMarked;
