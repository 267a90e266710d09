package io.telltale.agent.probe.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the identifying facts of an EDID (VESA E-EDID 1.3/1.4 base block): PNP manufacturer id, product
 * code, 32-bit serial, manufacture week/year, physical size, the monitor-name (0xFC) and serial-string
 * (0xFF) descriptors and the preferred (first detailed) timing. Damaged blobs still yield their ids, with
 * the damage listed in {@link Edid#faults()}: KVM firmware ships EDIDs with zero checksums or announcing
 * extension blocks it does not carry. Pure and thread-safe.
 */
public final class EdidDecoder {

  static final int BLOCK = 128;
  private static final byte[] HEADER = {0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
      (byte) 0xFF, 0};
  private static final int DESCRIPTORS = 54;
  private static final int DESCRIPTOR_LENGTH = 18;

  private EdidDecoder() {}

  /** Decodes {@code bytes}; empty when they are not an EDID (shorter than a block, or no EDID header). */
  public static Optional<Edid> decode(byte[] bytes) {
    if (bytes.length < BLOCK) {
      return Optional.empty();
    }
    for (int i = 0; i < HEADER.length; i++) {
      if (bytes[i] != HEADER[i]) {
        return Optional.empty();
      }
    }
    List<String> faults = new ArrayList<>();
    int blocks = bytes.length / BLOCK;
    for (int b = 0; b < blocks; b++) {
      if (!checksumOk(bytes, b * BLOCK)) {
        faults.add("block " + b + " checksum");
      }
    }
    if (bytes.length % BLOCK != 0) {
      faults.add("length " + bytes.length + " is not a multiple of 128");
    }
    int declared = u8(bytes, 126);
    int present = blocks - 1;
    if (declared != present) {
      faults.add(declared + " extension block(s) declared, " + present + " present");
    }
    String name = "";
    String serialString = "";
    int[] preferred = {0, 0, 0};
    for (int slot = 0; slot < 4; slot++) {
      int off = DESCRIPTORS + slot * DESCRIPTOR_LENGTH;
      if (u8(bytes, off) == 0 && u8(bytes, off + 1) == 0) {
        int tag = u8(bytes, off + 3);
        if (tag == 0xFC && name.isEmpty()) {
          name = text(bytes, off + 5);
        } else if (tag == 0xFF && serialString.isEmpty()) {
          serialString = text(bytes, off + 5);
        }
      } else if (slot == 0) {
        preferred = detailedTiming(bytes, off);
      }
    }
    int week = u8(bytes, 16);
    int yearByte = u8(bytes, 17);
    return Optional.of(new Edid(
        manufacturer(bytes),
        u8(bytes, 10) | u8(bytes, 11) << 8,
        (u8(bytes, 12) | u8(bytes, 13) << 8 | u8(bytes, 14) << 16 | (long) u8(bytes, 15) << 24),
        week == 0xFF ? 0 : week, // 0xFF: byte 17 is a model year, no week
        yearByte == 0 ? 0 : 1990 + yearByte,
        u8(bytes, 18) + "." + u8(bytes, 19),
        u8(bytes, 21),
        u8(bytes, 22),
        name,
        serialString,
        preferred[0],
        preferred[1],
        preferred[2],
        declared,
        present,
        faults,
        sha256(bytes)));
  }

  /** Bytes 8-9, big-endian: three 5-bit letters, 1 = 'A'. */
  static String manufacturer(byte[] b) {
    int v = u8(b, 8) << 8 | u8(b, 9);
    char[] c = {(char) ('A' - 1 + ((v >> 10) & 0x1F)), (char) ('A' - 1 + ((v >> 5) & 0x1F)),
        (char) ('A' - 1 + (v & 0x1F))};
    for (char ch : c) {
      if (ch < 'A' || ch > 'Z') {
        return "";
      }
    }
    return new String(c);
  }

  /** Width, height and refresh (millihertz) of an 18-byte detailed timing descriptor. */
  static int[] detailedTiming(byte[] b, int off) {
    long pixelClockHz = (u8(b, off) | u8(b, off + 1) << 8) * 10_000L;
    int hActive = u8(b, off + 2) | (u8(b, off + 4) & 0xF0) << 4;
    int hBlank = u8(b, off + 3) | (u8(b, off + 4) & 0x0F) << 8;
    int vActive = u8(b, off + 5) | (u8(b, off + 7) & 0xF0) << 4;
    int vBlank = u8(b, off + 6) | (u8(b, off + 7) & 0x0F) << 8;
    long total = (long) (hActive + hBlank) * (vActive + vBlank);
    int refresh = total == 0 ? 0 : (int) Math.round(pixelClockHz * 1000.0 / total);
    return new int[] {hActive, vActive, refresh};
  }

  /** Descriptor text: 13 bytes, ends at 0x0A, padded with spaces. */
  private static String text(byte[] b, int off) {
    int end = off;
    while (end < off + 13 && b[end] != 0x0A && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.ISO_8859_1).trim();
  }

  private static boolean checksumOk(byte[] b, int off) {
    int sum = 0;
    for (int i = off; i < off + BLOCK; i++) {
      sum += b[i];
    }
    return (sum & 0xFF) == 0;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e); // mandatory in every Java SE runtime
    }
  }

  private static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }
}
