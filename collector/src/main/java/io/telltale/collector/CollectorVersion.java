package io.telltale.collector;

import picocli.CommandLine.IVersionProvider;

/** The collector's version, from the jar manifest (falls back to "dev" when run from classes). */
public final class CollectorVersion implements IVersionProvider {

  public static String current() {
    String v = CollectorVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"telltale-collector " + current()};
  }
}
