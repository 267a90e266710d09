package io.telltale.collector.review.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.review.ReviewFixture;
import io.telltale.collector.store.RosterEmployee;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in real Chromium (Debian's chromium + chromedriver, headless): log in, open a flagged device,
 * read its evidence, triage it, break the policy and see the problem in place, and check that a process
 * named like a script and a USB string built to break out of an attribute are shown as text and run
 * nothing (no alert, no console error). Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;
  static ReviewFixture fx;
  static WebDriver driver;
  static String evil;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
    fx = ReviewFixture.start(dir.resolve("collector"));
    evil = fx.addDevice("farm-lap-07", "SER-EVIL", ReviewFixture.IMG_USB_PRODUCT, ReviewFixture.SCRIPT_PROCESS,
        "anydesk", "bash");
    fx.flag(evil, 9, "farm-1", ReviewFixture.IMG_USB_PRODUCT);
    fx.flag(fx.addDevice("farm-lap-08", "SER-8", "PiKVM", "bash"), 8, "farm-1", "PiKVM");
    fx.addDevice("dev-lap-01", "SER-1", "Keyboard", "bash");
    fx.store().roster().replaceAll(List.of(new RosterEmployee("emp-2107", "Jordan Whitfield", "jordan@example.com",
        "US", "TX", "America/Chicago", List.of("SER-EVIL"), List.of(), List.of("engineering"))), fx.clock.now());
    Files.createDirectories(SHOTS);
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
    assertThat(evidence).contains("PiKVM USB gadget attached", "kvm.pikvm_usb", "Remote-access tool running");
    assertThat(driver.findElement(By.id("owner")).getText()).contains("Jordan Whitfield");
    List<String> processes = driver.findElements(By.cssSelector("td.process-name")).stream()
        .map(e -> e.getText()).toList();
    assertThat(processes).contains(ReviewFixture.SCRIPT_PROCESS);
    assertThat(driver.findElement(By.cssSelector("td.usb-product")).getText()).isEqualTo(ReviewFixture.IMG_USB_PRODUCT);
    assertThat(evidence).contains(ReviewFixture.IMG_USB_PRODUCT);
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
    open("/clusters/farm-1");
    assertThat(driver.findElements(By.cssSelector("#cluster-picture circle.device"))).hasSize(2);
    shot("06-cluster");
  }

  @Test
  @Order(6)
  void browserConsole_hasNoErrors() {
    List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .filter(e -> !e.getMessage().contains("favicon.ico")).toList();
    assertThat(severe).isEmpty();
    noAlert();
  }
}
