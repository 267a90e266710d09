package io.telltale.collector.review.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ctl audit export [--format csv|json]}: the audit log to stdout. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log.",
    subcommands = {AuditCommand.Export.class})
final class AuditCommand {

  @ParentCommand CtlCommand ctl;

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Export the audit log.")
  static final class Export implements Callable<Integer> {
    @ParentCommand AuditCommand parent;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        var r = api.get("/audit/export?format=" + CtlCommand.enc(format));
        if (!r.ok()) {
          throw new CtlCommand.ApiError(r.body());
        }
        ctl.out().print(r.body());
      });
    }
  }
}
