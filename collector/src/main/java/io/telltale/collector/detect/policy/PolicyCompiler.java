package io.telltale.collector.detect.policy;

import com.google.protobuf.Message;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructTypeReference;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import io.telltale.collector.detect.yaml.Problem;
import io.telltale.collector.detect.yaml.YamlException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles and type-checks every rule's CEL condition against the signal model (the messages of
 * {@code policy_input.proto}, one variable per group) and requires a bool result. A CEL error is reported at
 * the line and column of the offending character in the policy file, with the rule id. Evaluation limits are
 * set here: bounded comprehensions, expression size and nesting. Thread-safe.
 */
public final class PolicyCompiler {

  /** A rule may loop over lists, but never for long: the signal lists are short. */
  static final int MAX_ITERATIONS = 1_000;
  static final int MAX_EXPRESSION_CODE_POINTS = 10_000;
  static final int MAX_NESTING = 64;

  private static final Pattern FIELD = Pattern.compile("\\b([a-z]+)\\.([a-z_]+)\\b");

  private final Cel cel;

  public PolicyCompiler() {
    CelOptions options = CelOptions.current()
        .comprehensionMaxIterations(MAX_ITERATIONS)
        .maxExpressionCodePointSize(MAX_EXPRESSION_CODE_POINTS)
        .maxParseRecursionDepth(MAX_NESTING)
        .enableHeterogeneousNumericComparisons(true)
        .build();
    var builder = CelFactory.standardCelBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setResultType(SimpleType.BOOL);
    for (Map.Entry<String, Message> v : PolicyInputAdapter.VARIABLES.entrySet()) {
      builder.addMessageTypes(v.getValue().getDescriptorForType());
      builder.addVar(v.getKey(), StructTypeReference.create(v.getValue().getDescriptorForType().getFullName()));
    }
    this.cel = builder.build();
  }

  /** Parses and compiles {@code text}; every problem (YAML or CEL) is in the exception, nothing is applied. */
  public PolicySet compile(String source, String text, Instant appliedAt) throws YamlException {
    Policy policy = PolicyParser.parse(source, text);
    List<Problem> problems = new ArrayList<>();
    List<CompiledRule> rules = new ArrayList<>();
    for (Rule r : policy.rules()) {
      CelValidationResult result = cel.compile(r.condition());
      if (result.hasError()) {
        for (CelIssue issue : result.getErrors()) {
          problems.add(position(source, r, issue));
        }
        continue;
      }
      try {
        CelAbstractSyntaxTree ast = result.getAst();
        rules.add(new CompiledRule(r, cel.createProgram(ast), fields(r.condition())));
      } catch (CelValidationException | CelEvaluationException e) {
        problems.add(new Problem(source, r.conditionLine(), r.conditionColumn(),
            "rule " + r.id() + ": " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new YamlException(problems);
    }
    return new PolicySet(policy, rules, appliedAt, source);
  }

  /** Maps a CEL issue (line/column within the expression) to the policy file. */
  private static Problem position(String source, Rule r, CelIssue issue) {
    int celLine = Math.max(1, issue.getSourceLocation().getLine());
    int celCol = Math.max(0, issue.getSourceLocation().getColumn());
    int line = r.conditionLine() + celLine - 1;
    int column = celLine == 1 && !r.conditionIsBlock() ? r.conditionColumn() + celCol : r.conditionColumn() + celCol;
    if (issue.getSourceLocation().getLine() <= 0) {
      line = r.conditionLine();
      column = r.conditionColumn();
    }
    String message = issue.getMessage().replaceFirst("^ERROR: <input>:\\d+:\\d+: ", "");
    return new Problem(source, line, column, "rule " + r.id() + ": " + message);
  }

  /** "group.field" names the condition reads, e.g. {"kvm.usb_identity", "cluster.employees"}. */
  static Set<String> fields(String condition) {
    Set<String> out = new TreeSet<>();
    Matcher m = FIELD.matcher(condition);
    while (m.find()) {
      if (PolicyInputAdapter.VARIABLES.containsKey(m.group(1))) {
        out.add(m.group(1) + "." + m.group(2));
      }
    }
    return out;
  }

}
