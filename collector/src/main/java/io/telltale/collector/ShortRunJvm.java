package io.telltale.collector;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code evaluate} in a child JVM that compiles with C1 only. An evaluation is a burst of ten-odd seconds
 * through a great deal of code (simulator, TLS, gRPC, SQLite, CEL, detection): with the default tiered
 * compilation C2 spent 7 of the 26 CPU seconds of the demo scenario on optimising code whose run was over
 * before the optimisation paid back, on a 2-core machine where those seconds are taken from the work itself.
 * Measured on demo.json: 15.9 s wall in one JVM, 11.6 s with C1 alone (RATIONALE.md, BENCHMARKS.md).
 *
 * <p>The child gets the same class path, the JVM options this one was given (those from {@code JAVA_TOOL_OPTIONS}
 * and {@code JDK_JAVA_OPTIONS} included, once), the same arguments, working directory, standard streams and
 * environment; its exit code is returned. Nothing is relaunched when the
 * user already chose a compiler setting or debugs, when {@code TELLTALE_SAME_JVM} is set, in the child itself, or
 * when the child cannot be started (then the command runs here as before).
 */
final class ShortRunJvm {

  /** Set in the child, so that it never relaunches itself. */
  static final String CHILD_PROPERTY = "telltale.short-run-jvm";
  static final String SAME_JVM_ENV = "TELLTALE_SAME_JVM";
  static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1");

  private ShortRunJvm() {}

  /** True when {@code args} run a command that gains from it, and nobody said otherwise. */
  static boolean applies(String[] args, List<String> jvmOptions, Map<String, String> env,
      @Nullable String childProperty) {
    if (childProperty != null || env.containsKey(SAME_JVM_ENV) || args.length == 0 || !args[0].equals("evaluate")) {
      return false;
    }
    if (Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V")
        || a.equals("--version"))) {
      return false;
    }
    // A compiler the user chose is theirs; a debugger's port can be bound only once.
    return jvmOptions.stream().noneMatch(o -> o.contains("TieredStopAtLevel") || o.contains("TieredCompilation")
        || o.startsWith("-Xint") || o.startsWith("-Xcomp") || o.startsWith("-agentlib:jdwp"));
  }

  /** The child's command line. */
  static List<String> command(Path java, List<String> jvmOptions, String classPath, String[] args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(FLAGS);
    cmd.add("-D" + CHILD_PROPERTY + "=true");
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(CollectorMain.class.getName());
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  /**
   * The child, with this process's streams and environment, less the two variables whose options the JVM
   * already counted among its input arguments (passed on explicitly): the child would take them twice (a
   * {@code -javaagent} loaded twice, say).
   */
  static ProcessBuilder childProcess(List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    return pb;
  }

  /**
   * Runs {@code args} in the child when {@link #applies}; its exit code, or empty when the command is to run in
   * this JVM.
   */
  static OptionalInt run(String[] args) {
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (!applies(args, jvmOptions, System.getenv(), System.getProperty(CHILD_PROPERTY))) {
      return OptionalInt.empty();
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classPath = System.getProperty("java.class.path", "");
    if (!Files.isExecutable(java) || classPath.isEmpty()) {
      return OptionalInt.empty();
    }
    Process child;
    try {
      child = childProcess(command(java, jvmOptions, classPath, args)).start();
    } catch (java.io.IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
    // Stopped ourselves (SIGTERM, Ctrl-C): the child stops too, and has a moment to clean its scratch files.
    Thread stopChild = new Thread(() -> {
      child.destroy();
      try {
        child.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "telltale-stop-child");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      int code = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stopChild);
      return OptionalInt.of(code);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroy();
      return OptionalInt.of(130);
    }
  }
}
