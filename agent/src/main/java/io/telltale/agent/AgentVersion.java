package io.telltale.agent;

import picocli.CommandLine.IVersionProvider;

/** The agent's version, from the jar manifest (falls back to "dev" when run from classes). */
public final class AgentVersion implements IVersionProvider {

  /** The version string sent in enrollment and reports, e.g. "0.1.0-SNAPSHOT". */
  public static String current() {
    String v = AgentVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"telltale-agent " + current()};
  }
}
