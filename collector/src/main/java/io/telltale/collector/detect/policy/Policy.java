package io.telltale.collector.detect.policy;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.Approvals;
import io.telltale.collector.detect.geo.Cidr;
import java.time.Duration;
import java.util.List;

/**
 * A parsed (not yet compiled) detection policy.
 *
 * @param flagThreshold score at which a device is flagged (together with {@code minGroups})
 * @param minGroups independent evidence groups a score-based flag needs: never one weak signal alone
 * @param knownNetworks CIDRs treated as company networks (excluded from clustering and geography)
 * @param knownAsns ASNs treated as company networks
 * @param sha256 hex SHA-256 of the policy text: its version identity
 */
public record Policy(
    String name,
    int flagThreshold,
    int minGroups,
    Duration lookback,
    Duration clusterWindow,
    Duration silentAfter,
    Approvals approvals,
    List<Cidr> knownNetworks,
    List<Long> knownAsns,
    List<Rule> rules,
    List<Suppression> suppressions,
    String text,
    String sha256) {

  public Policy {
    requireNonNull(name, "name");
    requireNonNull(lookback, "lookback");
    requireNonNull(clusterWindow, "clusterWindow");
    requireNonNull(silentAfter, "silentAfter");
    requireNonNull(approvals, "approvals");
    knownNetworks = List.copyOf(knownNetworks);
    knownAsns = List.copyOf(knownAsns);
    rules = List.copyOf(rules);
    suppressions = List.copyOf(suppressions);
    requireNonNull(text, "text");
    requireNonNull(sha256, "sha256");
  }

  /** Short version label: the first 12 hex digits of the text's SHA-256. */
  public String version() {
    return sha256.substring(0, 12);
  }
}
