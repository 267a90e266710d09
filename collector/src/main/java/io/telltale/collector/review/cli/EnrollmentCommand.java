package io.telltale.collector.review.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.collector.review.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ctl enrollment create | list | revoke}: agent enrollment tokens over the API. */
@Command(name = "enrollment", mixinStandardHelpOptions = true, description = "Manage agent enrollment tokens.",
    subcommands = {EnrollmentCommand.Create.class, EnrollmentCommand.ListTokens.class, EnrollmentCommand.Revoke.class})
final class EnrollmentCommand {

  @ParentCommand CtlCommand ctl;

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; prints it once.")
  static final class Create implements Callable<Integer> {
    @ParentCommand EnrollmentCommand parent;
    @Option(names = "--expires", defaultValue = "7d", description = "Validity (default: ${DEFAULT-VALUE})") String expires;
    @Option(names = "--max-uses", defaultValue = "1", description = "Enrollments allowed (default: ${DEFAULT-VALUE})")
    int maxUses;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        JsonNode c = CtlCommand.ok(api.postJson("/enrollment-tokens", JsonText.MAPPER.createObjectNode()
            .put("expires", expires).put("maxUses", maxUses).toString()));
        ctl.print(c, () -> {
          ctl.out().println(CtlCommand.text(c, "secret"));
          ctl.out().println("id " + CtlCommand.text(c.path("token"), "id") + ", expires "
              + CtlCommand.text(c.path("token"), "expiresAt") + " (shown only now; stored hashed)");
        });
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List enrollment tokens.")
  static final class ListTokens implements Callable<Integer> {
    @ParentCommand EnrollmentCommand parent;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        JsonNode list = CtlCommand.ok(api.get("/enrollment-tokens"));
        ctl.print(list, () -> {
          List<List<String>> rows = new ArrayList<>();
          for (JsonNode t : list) {
            rows.add(List.of(CtlCommand.text(t, "id"), CtlCommand.text(t, "expiresAt"),
                CtlCommand.text(t, "uses") + "/" + CtlCommand.text(t, "maxUses"), CtlCommand.text(t, "state")));
          }
          Table.print(ctl.out(), List.of("ID", "EXPIRES", "USES", "STATE"), rows);
        });
      });
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an enrollment token.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand EnrollmentCommand parent;
    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        CtlCommand.ok(api.send("DELETE", "/enrollment-tokens/" + CtlCommand.enc(id), null, null, Map.of()));
        ctl.out().println("enrollment token " + id + " revoked");
      });
    }
  }
}
