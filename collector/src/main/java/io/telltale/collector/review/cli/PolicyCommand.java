package io.telltale.collector.review.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.collector.review.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ctl policy validate | test | apply FILE}. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Validate, dry-run or apply a policy.",
    subcommands = {PolicyCommand.Validate.class, PolicyCommand.Test.class, PolicyCommand.Apply.class})
final class PolicyCommand {

  @ParentCommand CtlCommand ctl;

  static String body(Path file) throws IOException {
    return JsonText.MAPPER.createObjectNode().put("text", Files.readString(file, StandardCharsets.UTF_8)).toString();
  }

  /** Problems as "FILE:LINE:COLUMN: message", the shape editors understand. */
  static void printProblems(CtlCommand ctl, Path file, JsonNode problems) {
    for (JsonNode p : problems) {
      ctl.out().println(file + ":" + p.path("line").asInt() + ":" + p.path("column").asInt() + ": "
          + CtlCommand.text(p, "message"));
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a policy file; exit 1 if invalid.")
  static final class Validate implements Callable<Integer> {
    @ParentCommand PolicyCommand parent;
    @Parameters(paramLabel = "FILE") Path file;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      int[] exit = {0};
      int rc = ctl.run(api -> {
        JsonNode v = CtlCommand.ok(api.postJson("/policy/validate", body(file)));
        ctl.print(v, () -> {
          printProblems(ctl, file, v.path("problems"));
          ctl.out().println(v.path("valid").asBoolean() ? file + ": valid" : file + ": invalid");
        });
        exit[0] = v.path("valid").asBoolean() ? 0 : 1;
      });
      return rc != 0 ? rc : exit[0];
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true, description = "Dry run: which devices would change.")
  static final class Test implements Callable<Integer> {
    @ParentCommand PolicyCommand parent;
    @Parameters(paramLabel = "FILE") Path file;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        JsonNode d = CtlCommand.ok(api.postJson("/policy/test", body(file)));
        ctl.print(d, () -> {
          List<List<String>> rows = new ArrayList<>();
          for (JsonNode c : d.path("devices")) {
            rows.add(List.of(CtlCommand.text(c, "hostname"), CtlCommand.text(c, "levelBefore") + " "
                + CtlCommand.text(c, "scoreBefore"), CtlCommand.text(c, "levelAfter") + " "
                + CtlCommand.text(c, "scoreAfter"), CtlCommand.text(c, "deviceId")));
          }
          Table.print(ctl.out(), List.of("HOST", "NOW", "WITH THIS POLICY", "ID"), rows);
          ctl.out().println(d.path("changes").asInt() + " device(s) would change");
        });
      });
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true, description = "Apply a policy to the fleet.")
  static final class Apply implements Callable<Integer> {
    @ParentCommand PolicyCommand parent;
    @Parameters(paramLabel = "FILE") Path file;

    @Override
    public Integer call() {
      CtlCommand ctl = parent.ctl;
      return ctl.run(api -> {
        JsonNode v = CtlCommand.ok(api.postJson("/policy/apply", body(file)));
        ctl.print(v, () -> ctl.out().println("applied: version " + CtlCommand.text(v, "version")));
      });
    }
  }
}
