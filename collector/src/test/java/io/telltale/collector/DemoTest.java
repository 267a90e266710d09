package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.cli.ApiClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} as a user runs it, in process: the command on a small project scenario (two houses of one
 * facilitator, a couple, an IT engineer) on port 0; the printed URL and password are used to log in through
 * the real API, where the farm's laptops show up flagged with evidence and the couple and the engineer not.
 */
class DemoTest {

  static final Pattern CONSOLE = Pattern.compile("Console\\s+(https://\\S+)");
  static final Pattern USER = Pattern.compile("User\\s+(\\S+)");
  static final Pattern PASSWORD = Pattern.compile("Password\\s+(\\S+)");
  static final Pattern CA = Pattern.compile("or trust (\\S+)");

  @TempDir Path dir;

  /** The demo command running on its own thread; {@link #close()} stops it as an interrupt would. */
  static final class RunningDemo implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger exit = new AtomicInteger(-1);
    final Thread thread;

    RunningDemo(String... args) {
      List<String> all = new ArrayList<>(List.of("demo"));
      all.addAll(List.of(args));
      thread = new Thread(() -> exit.set(CollectorMain.run(new PrintWriter(out, true), new PrintWriter(err, true),
          all.toArray(String[]::new))), "demo-under-test");
      thread.start();
    }

    String out() {
      synchronized (out) {
        return out.toString();
      }
    }

    String awaitLine(Pattern p) {
      await().atMost(Duration.ofSeconds(60)).until(() -> p.matcher(out()).find() || exit.get() >= 0);
      Matcher m = p.matcher(out());
      assertThat(m.find()).as("stdout:%n%s%nstderr:%n%s", out(), err).isTrue();
      return m.group(1);
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(60_000);
    }
  }

  static Path scenario() throws Exception {
    return Path.of(DemoTest.class.getResource("/scenarios/two-houses-one-facilitator.json").toURI());
  }

  @Test
  void demo_printsUrlAndCredentials_thenTheFarmIsFlaggedWithEvidence_andTheLookAlikesAreNot() throws Exception {
    Path data = dir.resolve("telltale-demo");
    try (RunningDemo demo = new RunningDemo("--port", "0", "--data-dir", data.toString(),
        "--scenario", scenario().toString())) {
      String url = demo.awaitLine(CONSOLE);
      String user = demo.awaitLine(USER);
      String password = demo.awaitLine(PASSWORD);
      assertThat(url).matches("https://localhost:\\d+/");
      assertThat(user).isEqualTo("admin");
      ApiClient api = new ApiClient(URI.create(url), null, ApiClient.trusting(Path.of(demo.awaitLine(CA))));
      ApiClient.Response login = api.postJson("/session",
          "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
      assertThat(login.status()).as(login.body()).isEqualTo(200);
      HttpCookie c = HttpCookie.parse(login.headers().allValues("set-cookie").get(0)).get(0);
      Map<String, String> cookie = Map.of("Cookie", c.getName() + "=" + c.getValue());

      List<String> farm = List.of("TT-FAC-A1", "TT-FAC-A2", "TT-FAC-B1", "TT-FAC-B2");
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .until(() -> flagged(api, cookie).containsAll(farm));
      demo.awaitLine(Pattern.compile("(History played in)"));
      assertThat(flagged(api, cookie)).containsExactlyInAnyOrderElementsOf(farm);

      JsonNode page = get(api, cookie, "/devices?q=TT-FAC-A1");
      String id = page.path("devices").get(0).path("id").asText();
      JsonNode verdict = get(api, cookie, "/devices/" + id).path("verdict");
      assertThat(verdict.path("flagged").asBoolean()).isTrue();
      assertThat(verdict.path("findings")).isNotEmpty();
      assertThat(verdict.path("findings").get(0).path("evidence")).as(verdict.toString()).isNotEmpty();
      assertThat(demo.out()).contains("4 of 4 farm laptops flagged, 0 of 3 look-alikes");
    }
  }

  @Test
  void rerun_onTheDemosOwnDirectory_startsClean_andAnyOtherNonEmptyDirectoryIsRefused() throws Exception {
    Path data = Files.createDirectories(dir.resolve("again"));
    Files.writeString(data.resolve(Demo.MARKER), "");
    Files.createDirectories(data.resolve("data")).resolve("telltale.db").toFile().createNewFile();
    StringWriter out = new StringWriter();
    Demo.prepare(data, new PrintWriter(out, true));
    assertThat(out.toString()).contains("Starting clean");
    assertThat(data.resolve("data")).doesNotExist();
    assertThat(data.resolve(Demo.MARKER)).exists();

    Path foreign = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(foreign.resolve("notes.txt"), "keep me");
    StringWriter err = new StringWriter();
    int code = CollectorMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "demo",
        "--port", "0", "--data-dir", foreign.toString(), "--scenario", scenario().toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("is not empty and was not made by the demo").contains("--data-dir");
    assertThat(foreign.resolve("notes.txt")).hasContent("keep me");
  }

  @Test
  void portInUse_isAClearError_beforeStartingAnything() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      StringWriter err = new StringWriter();
      int code = CollectorMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "demo",
          "--port", String.valueOf(taken.getLocalPort()), "--data-dir", dir.resolve("d").toString(),
          "--scenario", scenario().toString());
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("port " + taken.getLocalPort() + " is already in use").contains("--port");
      assertThat(dir.resolve("d")).doesNotExist();
    }
  }

  @Test
  void help_documentsTheOptionsAndHowToStop() {
    StringWriter out = new StringWriter();
    int code = CollectorMain.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "demo",
        "--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("--port", "--data-dir", "--scenario", "Ctrl-C", "telltale-demo", "8443");
  }

  private static List<String> flagged(ApiClient api, Map<String, String> cookie) throws Exception {
    List<String> out = new ArrayList<>();
    get(api, cookie, "/devices?verdict=flagged&limit=100").path("devices")
        .forEach(d -> out.add(d.path("hostname").asText()));
    return out;
  }

  private static JsonNode get(ApiClient api, Map<String, String> cookie, String path) throws Exception {
    ApiClient.Response r = api.send("GET", path, null, null, cookie);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return JsonText.MAPPER.readTree(r.body());
  }
}
