package io.telltale.agent.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.OptionHelper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The agent jar's logging setup, in code: the same result as {@code logback.xml} (stderr only, because stdout
 * carries command output; {@code TELLTALE_LOG_LEVEL}, default INFO; OSHI and gRPC's Netty at WARN), without
 * logback's XML configurator, which cost half a second of start-up under load (a SAX parser and about 300
 * classes) on every {@code collect --once}. Registered as a logback {@link Configurator} service only in the
 * shaded {@code telltale-agent.jar} (see {@code src/shade/}), so the collector, which embeds the agent code,
 * keeps its own {@code logback.xml}. Keep the two in step.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    Line layout = new Line();
    layout.setContext(context);
    layout.start();
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    // The variable logback.xml substitutes, read through logback as there; unset or unknown means INFO.
    root.setLevel(Level.toLevel(OptionHelper.getEnv("TELLTALE_LOG_LEVEL"), Level.INFO));
    root.addAppender(stderr);
    context.getLogger("io.grpc.netty.shaded").setLevel(Level.WARN);
    context.getLogger("oshi").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Loaded with the first log line, not at start-up (java.time's formatter machinery is large). */
  private static final class Time {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  }

  /** {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %msg%n} plus the stack trace. */
  static final class Line extends LayoutBase<ILoggingEvent> {
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(24);
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent e) {
      StringBuilder sb = new StringBuilder(128);
      sb.append(Time.FORMAT.format(OffsetDateTime.ofInstant(Instant.ofEpochMilli(e.getTimeStamp()), zone))).append(' ');
      String level = e.getLevel().toString();
      sb.append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
      sb.append(" [").append(e.getThreadName()).append("] ");
      sb.append(abbreviator.abbreviate(e.getLoggerName())).append(" - ").append(e.getFormattedMessage());
      sb.append(System.lineSeparator());
      IThrowableProxy thrown = e.getThrowableProxy();
      if (thrown != null) {
        sb.append(ThrowableProxyUtil.asString(thrown)).append(System.lineSeparator());
      }
      return sb.toString();
    }
  }
}
