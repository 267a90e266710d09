package io.telltale.collector.review.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.telltale.collector.review.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ctl token create | list | revoke}: API tokens (administrators). */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
    subcommands = {ApiTokenCommand.Create.class, ApiTokenCommand.ListTokens.class, ApiTokenCommand.Revoke.class})
final class ApiTokenCommand {

  @ParentCommand CtlCommand ctl;

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; prints its secret once.")
  static final class Create implements Callable<Integer> {
    @ParentCommand ApiTokenCommand parent;
    @Option(names = "--name", required = true, description = "What the token is for") String name;
    @Option(names = "--role", defaultValue = "analyst", description = "viewer, analyst or admin (default: ${DEFAULT-VALUE})")
    String role;
    @Option(names = "--expires", description = "e.g. 90d (default: never)") @Nullable String expires;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        ObjectNode body = JsonText.MAPPER.createObjectNode().put("name", name).put("role", role);
        if (expires != null) {
          body.put("expires", expires);
        }
        JsonNode c = CtlCommand.ok(api.postJson("/tokens", body.toString()));
        ctl.print(c, () -> {
          ctl.out().println(CtlCommand.text(c, "secret"));
          ctl.out().println("id " + CtlCommand.text(c.path("token"), "id") + ", role "
              + CtlCommand.text(c.path("token"), "role") + " (the token is shown only now; it is stored hashed)");
        });
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
  static final class ListTokens implements Callable<Integer> {
    @ParentCommand ApiTokenCommand parent;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        JsonNode list = CtlCommand.ok(api.get("/tokens"));
        ctl.print(list, () -> {
          List<List<String>> rows = new ArrayList<>();
          for (JsonNode t : list) {
            rows.add(List.of(CtlCommand.text(t, "id"), CtlCommand.text(t, "name"), CtlCommand.text(t, "role"),
                CtlCommand.text(t, "state"), CtlCommand.text(t, "expiresAt"), CtlCommand.text(t, "lastUsedAt")));
          }
          Table.print(ctl.out(), List.of("ID", "NAME", "ROLE", "STATE", "EXPIRES", "LAST USED"), rows);
        });
      });
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand ApiTokenCommand parent;
    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        CtlCommand.ok(api.send("DELETE", "/tokens/" + CtlCommand.enc(id), null, null, Map.of()));
        ctl.out().println("token " + id + " revoked");
      });
    }
  }
}
