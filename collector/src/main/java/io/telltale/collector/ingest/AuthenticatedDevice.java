package io.telltale.collector.ingest;

import java.time.Instant;

/** The caller of a gRPC call, as proven by its client certificate. */
record AuthenticatedDevice(String deviceId, Instant certificateNotAfter) {}
