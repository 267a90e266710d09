package io.telltale.collector.review.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.evaluate.ScenarioFleet;
import io.telltale.collector.review.ReviewFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in real Chromium (Debian's chromium + chromedriver, headless): log in, open a flagged device,
 * read its evidence, triage it, break the policy and see the problem in place, revoke a device through the
 * confirmation, and check that a process named like a script and a USB string built to break out of an
 * attribute are shown as text and run nothing (no alert, no console error).
 *
 * <p>The data is real: a scenario ({@code scenarios/console-browser.json}) played by the fleet simulator
 * through the agent's reporting path into a collector with the real detection engine, so the verdicts,
 * evidence and cluster on screen are the ones production would show.
 *
 * <p>Screenshots go to {@code collector/target/screenshots/} (one per step, plus {@code FAILED-<test>.png}
 * for a failing step); {@code .ci/run} prints where. Without Chromium the class is skipped locally but fails
 * where it is required ({@code CI=true} or {@code TELLTALE_BROWSER_TESTS=required}, which {@code .ci/run} sets).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Under the module's target/ whatever the working directory (failsafe sets basedir to the module). */
  static final Path SHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

  @TempDir static Path dir;
  static ReviewFixture fx;
  static WebDriver driver;
  static String evil;
  static String quiet;
  static String partner;

  /** Saves what the browser showed when a step failed, next to the step screenshots. */
  @RegisterExtension
  static final TestWatcher FAILURE_SHOTS = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (driver != null) {
        try {
          shot("FAILED-" + context.getRequiredTestMethod().getName());
        } catch (Exception e) {
          cause.addSuppressed(e);
        }
      }
    }
  };

  /** True where a missing browser must fail the build instead of skipping it. */
  static boolean browserRequired() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "required".equalsIgnoreCase(System.getenv("TELLTALE_BROWSER_TESTS"));
  }

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "needs Debian's chromium and chromium-driver at " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver; .ci/run does)";
      if (browserRequired()) {
        Assertions.fail(why + "; required here (CI=true or TELLTALE_BROWSER_TESTS=required)");
      }
      Assumptions.abort(why);
    }
    ScenarioFleet.Played played = ScenarioFleet.play(dir.resolve("fleet"), "/scenarios/console-browser.json");
    fx = played.fx();
    evil = played.deviceIds().get("farm-lap-07");
    partner = played.deviceIds().get("farm-lap-08");
    quiet = played.deviceIds().get("dev-lap-01");
    Files.createDirectories(SHOTS);
    try (var old = Files.newDirectoryStream(SHOTS, "*.png")) { // a run's artifacts are only its own
      for (Path p : old) {
        Files.delete(p);
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1800", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    // The collector's CA is made per run; the browser is told to accept it rather than installing it.
    options.setAcceptInsecureCerts(true);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (fx != null) {
      fx.close();
    }
  }

  static void open(String path) {
    driver.get(fx.baseUri() + path);
  }

  static void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  static void noAlert() {
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  static WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @Test
  @Order(1)
  void login_showsTheOverview() throws Exception {
    open("/devices");
    await().until(d -> d.getCurrentUrl().endsWith("/login"));
    driver.findElement(By.id("username")).sendKeys("admin-user");
    driver.findElement(By.id("password")).sendKeys(ReviewFixture.PASSWORD);
    driver.findElement(By.id("sign-in")).click();
    await().until(d -> d.findElements(By.id("flagged-count")).size() == 1);
    assertThat(driver.findElement(By.id("flagged-count")).getText()).isEqualTo("2");
    assertThat(driver.findElement(By.id("who")).getText()).contains("admin-user");
    shot("01-overview");
  }

  @Test
  @Order(2)
  void flaggedDevice_showsItsEvidence_andThePayloadsAsPlainText() throws Exception {
    open("/devices?verdict=flagged");
    shot("02-flagged-devices");
    driver.findElement(By.linkText("farm-lap-07")).click();
    await().until(d -> d.findElements(By.id("evidence")).size() == 1);
    String evidence = driver.findElement(By.id("evidence")).getText();
    // Findings of the default policy, from the engine's evaluation of what the simulated agent reported.
    assertThat(evidence).contains("IP-KVM with its vendor's default USB identity", "kvm.default_usb_identity",
        "Unsanctioned remote-access tool", "remote.unsanctioned_tool");
    assertThat(evidence).containsIgnoringCase("pikvm").containsIgnoringCase("anydesk");
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("flagged");
    assertThat(driver.findElement(By.id("owner")).getText()).contains("Jordan Whitfield");
    List<String> processes = driver.findElements(By.cssSelector("td.process-name")).stream()
        .map(e -> e.getText()).toList();
    assertThat(processes).contains(ReviewFixture.SCRIPT_PROCESS);
    assertThat(driver.findElements(By.cssSelector("td.usb-product")).stream().map(e -> e.getText()).toList())
        .contains(ReviewFixture.IMG_USB_PRODUCT, "PiKVM Composite Device");
    // The payloads did not become elements: no injected <img>, no script besides our own file.
    assertThat(driver.findElements(By.cssSelector("img"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("script"))).hasSize(1);
    noAlert();
    assertThat(driver.findElements(By.cssSelector("#activity .cell.injected"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#activity .cell.local"))).isNotEmpty();
    shot("03-device-evidence");
  }

  @Test
  @Order(3)
  void triage_movesTheDeviceToInvestigating_withANote() throws Exception {
    open("/devices/" + evil);
    new Select(driver.findElement(By.id("state"))).selectByValue("INVESTIGATING");
    new Select(driver.findElement(By.id("assignee"))).selectByValue("analyst-user");
    driver.findElement(By.id("note")).sendKeys("PiKVM on the USB list; asking IT to collect the laptop.");
    driver.findElement(By.id("triage-submit")).click();
    await().until(d -> d.findElements(By.id("flash")).size() == 1);
    assertThat(driver.findElement(By.id("triage-state")).getText()).isEqualTo("INVESTIGATING");
    assertThat(driver.findElement(By.id("notes")).getText()).contains("asking IT to collect the laptop");
    shot("04-triaged");
  }

  @Test
  @Order(4)
  void policyWithAnError_showsTheProblemAtItsLine() throws Exception {
    open("/policy");
    var text = driver.findElement(By.id("policy-text"));
    text.clear();
    text.sendKeys("name: broken\nrules:\n  - id: kvm\n    when: [kvm\n");
    driver.findElement(By.id("validate")).click();
    await().until(d -> d.findElements(By.id("problems-summary")).size() == 1);
    var problem = driver.findElement(By.cssSelector(".policy-problem"));
    assertThat(problem.getText()).matches("\\d+:\\d+ .+");
    assertThat(driver.findElements(By.cssSelector("#listing tr.bad"))).isNotEmpty();
    problem.click();
    shot("05-policy-error-in-place");
  }

  @Test
  @Order(5)
  void clusterPicture_isDrawn() throws Exception {
    String cluster = fx.engine.engine().repository().verdict(evil).orElseThrow().clusterId();
    assertThat(cluster).as("the engine put the two farm laptops in one cluster").isNotNull()
        .isEqualTo(fx.engine.engine().repository().verdict(partner).orElseThrow().clusterId());
    open("/devices/" + evil);
    driver.findElement(By.linkText(cluster)).click();
    await().until(d -> d.findElements(By.id("cluster-picture")).size() == 1);
    assertThat(driver.findElements(By.cssSelector("#cluster-picture circle.device"))).hasSize(2);
    shot("06-cluster");
  }

  @Test
  @Order(6)
  void revoke_asksForConfirmation_thenTheDeviceIsRevoked() throws Exception {
    open("/devices/" + quiet);
    driver.findElement(By.id("revoke")).click();
    var confirm = await().until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).startsWith("Revoke dev-lap-01?").contains("cannot be undone");
    confirm.dismiss();
    assertThat(fx.store().devices().find(quiet).orElseThrow().revoked()).isFalse();
    driver.findElement(By.id("revoke")).click();
    await().until(ExpectedConditions.alertIsPresent()).accept();
    await().until(d -> d.findElements(By.id("flash")).size() == 1);
    assertThat(driver.findElement(By.id("flash")).getText()).contains("Device revoked");
    assertThat(driver.findElement(By.id("revoked")).getText()).isEqualTo("revoked");
    assertThat(driver.findElements(By.id("revoke"))).isEmpty();
    assertThat(fx.store().devices().find(quiet).orElseThrow().revoked()).isTrue();
    shot("07-revoked");
  }

  @Test
  @Order(7)
  void browserConsole_hasNoErrors() {
    List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .filter(e -> !e.getMessage().contains("favicon.ico")).toList();
    assertThat(severe).isEmpty();
    noAlert();
  }
}
