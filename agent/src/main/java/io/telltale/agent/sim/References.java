package io.telltale.agent.sim;

import io.telltale.agent.sim.Scenario.Change;
import io.telltale.agent.sim.Scenario.Device;
import io.telltale.agent.sim.Scenario.Vpn;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Cross-reference checks the JSON Schema cannot express: ids that must name existing networks/employees. */
final class References {

  private References() {}

  static void check(JsonCursor c, Device d, Set<String> networks, Set<String> employees) {
    require(c, ".employee", d.employee(), employees, "an employee id of $.employees");
    require(c, ".network", d.initial().network(), networks, "a network id of $.networks");
    vpn(c, ".vpn", d.initial().vpn(), networks);
    for (int i = 0; i < d.changes().size(); i++) {
      Change ch = d.changes().get(i);
      String at = ".changes[" + i + "].set";
      if (ch.set().network() != null) {
        require(c, at + ".network", ch.set().network(), networks, "a network id of $.networks");
      }
      vpn(c, at + ".vpn", ch.set().vpn(), networks);
    }
  }

  private static void vpn(JsonCursor c, String at, @Nullable Vpn vpn, Set<String> networks) {
    if (vpn != null) {
      require(c, at + ".exit_network", vpn.exitNetwork(), networks, "a network id of $.networks");
    }
  }

  private static void require(JsonCursor c, String at, String id, Set<String> known, String expected) {
    if (!known.contains(id)) {
      throw c.errorAt(at, "\"" + id + "\" (expected: " + expected + ")");
    }
  }
}
