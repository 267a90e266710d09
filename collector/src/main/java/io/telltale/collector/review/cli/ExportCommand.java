package io.telltale.collector.review.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ctl export devices --format csv|json}: writes the export to stdout. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export data.",
    subcommands = {ExportCommand.Devices.class})
final class ExportCommand {

  @ParentCommand CtlCommand ctl;

  @Command(name = "devices", mixinStandardHelpOptions = true, description = "All devices with verdict and owner.")
  static final class Devices implements Callable<Integer> {
    @ParentCommand ExportCommand parent;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--flagged", description = "Only flagged devices") boolean flagged;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        var r = api.get("/export/devices?format=" + CtlCommand.enc(format) + (flagged ? "&verdict=flagged" : ""));
        if (!r.ok()) {
          throw new CtlCommand.ApiError(r.body());
        }
        ctl.out().print(r.body());
      });
    }
  }
}
