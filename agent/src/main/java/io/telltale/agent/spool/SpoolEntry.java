package io.telltale.agent.spool;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;

/**
 * One spooled report: its per-device sequence number, its kind and the serialized report. The payload
 * array is not copied; callers must not modify it.
 */
public record SpoolEntry(long sequence, EntryKind kind, byte[] payload) {

  /** Format version byte leading every stored element, so a later release can change the layout. */
  private static final byte FORMAT = 1;
  private static final int HEADER = 1 + 1 + 8;

  public SpoolEntry {
    requireNonNull(kind, "kind");
    requireNonNull(payload, "payload");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence: " + sequence + " (expected: >= 1)");
    }
  }

  /** Bytes this entry takes as a queue element (without the queue's own 4-byte length prefix). */
  int encodedSize() {
    return HEADER + payload.length;
  }

  byte[] encode() {
    return ByteBuffer.allocate(encodedSize())
        .put(FORMAT)
        .put(kind.code())
        .putLong(sequence)
        .put(payload)
        .array();
  }

  static SpoolEntry decode(byte[] element) {
    if (element.length < HEADER || element[0] != FORMAT) {
      throw new IllegalArgumentException(
          "spool element: " + element.length + " bytes, format " + (element.length > 0 ? element[0] : -1)
              + " (expected: >= " + HEADER + " bytes, format " + FORMAT + ")");
    }
    ByteBuffer b = ByteBuffer.wrap(element);
    b.get();
    EntryKind kind = EntryKind.fromCode(b.get());
    long sequence = b.getLong();
    byte[] payload = new byte[b.remaining()];
    b.get(payload);
    return new SpoolEntry(sequence, kind, payload);
  }

  /** Reads only the kind and sequence of an encoded element. */
  static long sequenceOf(byte[] element) {
    return ByteBuffer.wrap(element, 2, 8).getLong();
  }

  static EntryKind kindOf(byte[] element) {
    return EntryKind.fromCode(element[1]);
  }
}
