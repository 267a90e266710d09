package io.telltale.collector.review.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.collector.review.JsonText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ctl}: the analyst CLI, a thin client of the REST API. Every subcommand is one or two API calls;
 * tables by default, the API's JSON with {@code --json}; an API error prints the API's JSON error shape to
 * stderr and exits 1. The URL and token may come from {@code TELLTALE_URL} and {@code TELLTALE_TOKEN}
 * (read by picocli as option defaults: the CLI is a client, not the collector, and has no config file).
 */
@Command(name = "ctl", mixinStandardHelpOptions = true,
    description = "Query and administer a collector over its REST API.",
    subcommands = {DevicesCommand.class, TriageCommand.class, ExportCommand.class, PolicyCommand.class,
        ApiTokenCommand.class, EnrollmentCommand.class, RosterCommand.class, AuditCommand.class})
public final class CtlCommand {

  @Option(names = "--url", scope = ScopeType.INHERIT, defaultValue = "${env:TELLTALE_URL}",
      description = "Collector URL, e.g. https://collector:8443 (env TELLTALE_URL)")
  @Nullable String url;

  @Option(names = "--token", scope = ScopeType.INHERIT, defaultValue = "${env:TELLTALE_TOKEN}",
      description = "API token (env TELLTALE_TOKEN); create one in the console under Tokens")
  @Nullable String token;

  @Option(names = "--ca", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "PEM file of the collector's CA (default: the JVM's trusted CAs)")
  @Nullable Path ca;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the API's JSON instead of a table")
  boolean json;

  @Spec CommandSpec spec;

  /** Thrown when the API refused; its JSON error body is printed as it is. */
  static final class ApiError extends RuntimeException {
    final String body;

    ApiError(String body) {
      super(body, null, false, false);
      this.body = body;
    }
  }

  ApiClient client() throws IOException {
    if (url == null || url.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "url: missing (expected: --url https://HOST:PORT or TELLTALE_URL)");
    }
    if (token == null || token.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "token: missing (expected: --token TOKEN or TELLTALE_TOKEN)");
    }
    SSLContext ssl;
    try {
      ssl = ca != null ? ApiClient.trusting(ca) : SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IOException("tls: " + e.getMessage(), e);
    }
    return new ApiClient(URI.create(url), token.trim(), ssl);
  }

  /** The response body as JSON, or an {@link ApiError} when the status is not 2xx. */
  static JsonNode ok(ApiClient.Response r) throws IOException {
    if (!r.ok()) {
      throw new ApiError(r.body().isBlank() ? "{\"status\":" + r.status() + "}" : r.body());
    }
    return r.body().isBlank() ? JsonText.MAPPER.createObjectNode() : JsonText.MAPPER.readTree(r.body());
  }

  /** Prints {@code node} as pretty JSON when --json, else runs {@code table}. */
  void print(JsonNode node, Runnable table) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      out.flush();
    } else {
      table.run();
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Runs a subcommand body, turning API errors into the printed error shape and exit code 1. */
  int run(Body body) {
    try {
      body.run(client());
      out().flush();
      err().flush();
      return 0;
    } catch (ApiError e) {
      spec.commandLine().getErr().println(e.body);
      spec.commandLine().getErr().flush();
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("{\"status\":0,\"code\":\"unreachable\",\"message\":"
          + JsonText.of(String.valueOf(e.getMessage())) + ",\"problems\":[]}");
      spec.commandLine().getErr().flush();
      return 1;
    }
  }

  /** One subcommand's work against the API. */
  @FunctionalInterface
  interface Body {
    void run(ApiClient api) throws IOException;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
