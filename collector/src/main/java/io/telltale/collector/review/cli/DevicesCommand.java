package io.telltale.collector.review.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ctl devices list | show | revoke}. */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "List devices, show or revoke one.",
    subcommands = {DevicesCommand.ListDevices.class, DevicesCommand.Show.class, DevicesCommand.Revoke.class})
final class DevicesCommand {

  @ParentCommand CtlCommand ctl;

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Devices, highest score first.")
  static final class ListDevices implements Callable<Integer> {
    @ParentCommand DevicesCommand parent;

    @Option(names = "--flagged", description = "Only flagged devices") boolean flagged;
    @Option(names = "--verdict", description = "flagged, suspicious, clean or unevaluated") @Nullable String verdict;
    @Option(names = "--employee", description = "Employee id or part of the name") @Nullable String employee;
    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        StringBuilder q = new StringBuilder("/devices?limit=" + limit);
        String v = flagged ? "flagged" : verdict;
        if (v != null) {
          q.append("&verdict=").append(CtlCommand.enc(v));
        }
        if (employee != null) {
          q.append("&employee=").append(CtlCommand.enc(employee));
        }
        JsonNode page = CtlCommand.ok(api.get(q.toString()));
        ctl.print(page, () -> {
          List<List<String>> rows = new ArrayList<>();
          for (JsonNode d : page.path("devices")) {
            rows.add(List.of(CtlCommand.text(d, "hostname"), CtlCommand.text(d, "level"), CtlCommand.text(d, "score"),
                CtlCommand.text(d, "employeeName"), CtlCommand.text(d, "os"), CtlCommand.text(d, "clusterId"),
                CtlCommand.text(d, "triageState"), CtlCommand.text(d, "id")));
          }
          Table.print(ctl.out(), List.of("HOST", "VERDICT", "SCORE", "OWNER", "OS", "CLUSTER", "TRIAGE", "ID"), rows);
          ctl.out().println(page.path("devices").size() + " of " + page.path("total").asInt() + " device(s)");
        });
      });
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One device with its evidence.")
  static final class Show implements Callable<Integer> {
    @ParentCommand DevicesCommand parent;

    @Parameters(paramLabel = "HOST|ID", description = "Device id, or a host name or serial only one device has")
    String device;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        JsonNode d = CtlCommand.ok(api.get("/devices/" + CtlCommand.enc(device)));
        ctl.print(d, () -> {
          JsonNode s = d.path("device");
          var out = ctl.out();
          out.println(CtlCommand.text(s, "hostname") + "  " + CtlCommand.text(s, "level") + "  score "
              + CtlCommand.text(s, "score") + "  (" + CtlCommand.text(s, "id") + ")");
          JsonNode e = d.path("employee");
          out.println("owner:   " + (e.isMissingNode() || e.isNull() ? "not in roster"
              : CtlCommand.text(e, "name") + " <" + CtlCommand.text(e, "email") + ">, " + CtlCommand.text(e, "country")
                  + " " + CtlCommand.text(e, "region") + ", " + CtlCommand.text(e, "timezone")));
          out.println("triage:  " + CtlCommand.text(s, "triageState") + (CtlCommand.text(s, "assignee").isEmpty() ? ""
              : " (" + CtlCommand.text(s, "assignee") + ")"));
          out.println("cluster: " + CtlCommand.text(s, "clusterId"));
          for (JsonNode f : d.path("verdict").path("findings")) {
            out.println("- " + Table.cut(CtlCommand.text(f, "title")) + " [" + CtlCommand.text(f, "ruleId") + ", "
                + CtlCommand.text(f, "severity") + ", weight " + CtlCommand.text(f, "weight") + "]");
            for (JsonNode ev : f.path("evidence")) {
              out.println("    " + Table.cut(CtlCommand.text(ev, "summary")));
            }
          }
        });
      });
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a device (admin): the collector refuses its reports and certificate renewals, and "
          + "its agent stops reporting. Cannot be undone; asks for --yes.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand DevicesCommand parent;

    @Parameters(paramLabel = "HOST|ID", description = "Device id, or a host name or serial only one device has")
    String device;

    @Option(names = "--yes", description = "Really revoke (without it, only shows which device it would be)")
    boolean yes;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      int[] exit = {0};
      int ran = ctl.run(api -> {
        // Resolve a host name or serial to exactly one device first; the revocation itself takes only an id.
        JsonNode d = CtlCommand.ok(api.get("/devices/" + CtlCommand.enc(device))).path("device");
        String id = CtlCommand.text(d, "id");
        String host = CtlCommand.text(d, "hostname");
        if (!yes) {
          ctl.err().println("would revoke " + host + " (" + id + "); re-run with --yes to revoke it");
          exit[0] = 1;
          return;
        }
        JsonNode r = CtlCommand.ok(api.postJson("/devices/" + CtlCommand.enc(id) + "/revoke", "{}"));
        ctl.print(r, () -> ctl.out().println("device " + host + " (" + id + ") revoked at "
            + CtlCommand.text(r, "revokedAt") + "; its agent stops at its next report"));
      });
      return ran != 0 ? ran : exit[0];
    }
  }
}
