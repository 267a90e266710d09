package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An analyst's note on a device. {@code id} is store-assigned (0 before it is stored). */
public record TriageNote(long id, String deviceId, String author, String body, Instant createdAt) {
  public TriageNote {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(author, "author");
    requireNonNull(body, "body");
    requireNonNull(createdAt, "createdAt");
  }
}
