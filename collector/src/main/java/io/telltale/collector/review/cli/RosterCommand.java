package io.telltale.collector.review.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ctl roster import FILE}: replaces the roster from a CSV; bad rows are listed and nothing changes. */
@Command(name = "roster", mixinStandardHelpOptions = true, description = "Manage the HR roster.",
    subcommands = {RosterCommand.Import.class})
final class RosterCommand {

  @ParentCommand CtlCommand ctl;

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Replace the roster from a CSV file.")
  static final class Import implements Callable<Integer> {
    @ParentCommand RosterCommand parent;
    @Parameters(paramLabel = "FILE") Path file;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        JsonNode r = CtlCommand.ok(api.send("POST", "/roster/import", "text/csv",
            Files.readString(file, StandardCharsets.UTF_8), Map.of()));
        ctl.print(r, () -> ctl.out().println("imported " + r.path("employees").asInt() + " employees with "
            + r.path("devices").asInt() + " laptops (replacing " + r.path("previousEmployees").asInt() + ")"));
      });
    }
  }
}
