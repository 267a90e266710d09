package io.telltale.agent.probe.common;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds EDID bytes from the facts a test states (VESA E-EDID layout), so tests carry their own material
 * instead of copies of vendor blobs. Checksums are computed unless {@link #zeroChecksums()} is asked for.
 */
public final class EdidBuilder {

  private String manufacturer = "LNX";
  private int product;
  private long serial;
  private int week = 1;
  private int year = 2020;
  private int widthCm;
  private int heightCm;
  private String name = "";
  private String serialString = "";
  private int[] timing = {1920, 1080, 280, 45, 14850}; // h, v, hblank, vblank, clock in 10 kHz: 1080p60
  private int declaredExtensions;
  private int presentExtensions;
  private boolean zeroChecksums;

  public EdidBuilder manufacturer(String pnp, int productCode, long serial32) {
    this.manufacturer = pnp;
    this.product = productCode;
    this.serial = serial32;
    return this;
  }

  public EdidBuilder made(int week, int year) {
    this.week = week;
    this.year = year;
    return this;
  }

  public EdidBuilder sizeCm(int w, int h) {
    this.widthCm = w;
    this.heightCm = h;
    return this;
  }

  public EdidBuilder name(String monitorName) {
    this.name = monitorName;
    return this;
  }

  public EdidBuilder serialString(String s) {
    this.serialString = s;
    return this;
  }

  /** Preferred timing: active size, blanking and pixel clock in units of 10 kHz. */
  public EdidBuilder preferred(int h, int v, int hBlank, int vBlank, int clock10khz) {
    this.timing = new int[] {h, v, hBlank, vBlank, clock10khz};
    return this;
  }

  public EdidBuilder extensions(int declared, int present) {
    this.declaredExtensions = declared;
    this.presentExtensions = present;
    return this;
  }

  public EdidBuilder zeroChecksums() {
    this.zeroChecksums = true;
    return this;
  }

  public byte[] build() {
    byte[] b = new byte[128 * (1 + presentExtensions)];
    byte[] header = {0, -1, -1, -1, -1, -1, -1, 0};
    System.arraycopy(header, 0, b, 0, 8);
    int m = ((manufacturer.charAt(0) - 'A' + 1) << 10) | ((manufacturer.charAt(1) - 'A' + 1) << 5)
        | (manufacturer.charAt(2) - 'A' + 1);
    b[8] = (byte) (m >> 8);
    b[9] = (byte) m;
    b[10] = (byte) product;
    b[11] = (byte) (product >> 8);
    for (int i = 0; i < 4; i++) {
      b[12 + i] = (byte) (serial >> (8 * i));
    }
    b[16] = (byte) week;
    b[17] = (byte) (year - 1990);
    b[18] = 1;
    b[19] = 3;
    b[20] = (byte) 0x80; // digital input
    b[21] = (byte) widthCm;
    b[22] = (byte) heightCm;
    int off = 54;
    b[off] = (byte) timing[4];
    b[off + 1] = (byte) (timing[4] >> 8);
    b[off + 2] = (byte) timing[0];
    b[off + 3] = (byte) timing[2];
    b[off + 4] = (byte) (((timing[0] >> 8) << 4) | (timing[2] >> 8));
    b[off + 5] = (byte) timing[1];
    b[off + 6] = (byte) timing[3];
    b[off + 7] = (byte) (((timing[1] >> 8) << 4) | (timing[3] >> 8));
    int slot = 1;
    if (!name.isEmpty()) {
      descriptor(b, 54 + 18 * slot++, 0xFC, name);
    }
    if (!serialString.isEmpty()) {
      descriptor(b, 54 + 18 * slot++, 0xFF, serialString);
    }
    while (slot < 4) {
      descriptor(b, 54 + 18 * slot++, 0x10, ""); // dummy descriptor
    }
    b[126] = (byte) declaredExtensions;
    for (int blk = 0; blk <= presentExtensions; blk++) {
      if (blk > 0) {
        b[blk * 128] = 0x02; // CTA-861 extension tag
        b[blk * 128 + 1] = 0x03;
      }
      int sum = 0;
      for (int i = blk * 128; i < blk * 128 + 127; i++) {
        sum += b[i];
      }
      b[blk * 128 + 127] = zeroChecksums ? 0 : (byte) (-sum);
    }
    return b;
  }

  private static void descriptor(byte[] b, int off, int tag, String text) {
    b[off + 3] = (byte) tag;
    byte[] t = new byte[13];
    Arrays.fill(t, (byte) ' ');
    byte[] s = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(s, 0, t, 0, Math.min(13, s.length));
    if (s.length < 13) {
      t[s.length] = 0x0A;
    }
    System.arraycopy(t, 0, b, off + 5, 13);
  }
}
