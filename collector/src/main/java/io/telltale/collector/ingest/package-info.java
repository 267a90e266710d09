/**
 * The gRPC edge: device identity from the client certificate, validation, proto-to-record mapping (only
 * here), the ingest pipeline with its acknowledgement rule, upload pacing and the hand-off to detection.
 */
@NullMarked
package io.telltale.collector.ingest;

import org.jspecify.annotations.NullMarked;
