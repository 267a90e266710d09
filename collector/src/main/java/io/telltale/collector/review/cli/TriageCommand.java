package io.telltale.collector.review.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.telltale.collector.review.JsonText;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ctl triage set ID STATE [--assignee USER] [--note TEXT]}. */
@Command(name = "triage", mixinStandardHelpOptions = true, description = "Triage a device.",
    subcommands = {TriageCommand.Set.class})
final class TriageCommand {

  @ParentCommand CtlCommand ctl;

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Move a device to NEW, INVESTIGATING, CONFIRMED, FALSE_POSITIVE or CLOSED.")
  static final class Set implements Callable<Integer> {
    @ParentCommand TriageCommand parent;

    @Parameters(index = "0", paramLabel = "ID") String device;
    @Parameters(index = "1", paramLabel = "STATE") String state;
    @Option(names = "--assignee", description = "User name; \"\" = unassigned") @Nullable String assignee;
    @Option(names = "--note", description = "A note to add") @Nullable String note;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        ObjectNode body = JsonText.MAPPER.createObjectNode().put("state", state);
        if (assignee != null) {
          body.put("assignee", assignee);
        }
        if (note != null) {
          body.put("note", note);
        }
        JsonNode t = CtlCommand.ok(api.send("PUT", "/devices/" + CtlCommand.enc(device) + "/triage",
            "application/json", body.toString(), Map.of()));
        ctl.print(t, () -> ctl.out().println(device + ": " + CtlCommand.text(t, "state")
            + (CtlCommand.text(t, "assignee").isEmpty() ? "" : " (" + CtlCommand.text(t, "assignee") + ")")));
      });
    }
  }
}
