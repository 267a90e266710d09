package io.telltale.collector.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewFixture;
import io.telltale.collector.review.Role;
import io.telltale.collector.store.RosterEmployee;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console over real HTTPS without a browser: every page renders for an administrator, attacker-chosen
 * text is escaped on every page that shows it, forms need the CSRF token, and pages carry the strict CSP.
 */
class ConsolePagesTest {

  static final String EVIL_NAME = "<b onmouseover=alert(2)>Mallory</b>";

  @TempDir static Path dir;
  static ReviewFixture fx;
  static String evil;
  static Browserless admin;

  @BeforeAll
  static void start() throws Exception {
    fx = ReviewFixture.start(dir);
    evil = fx.addDevice("<svg onload=alert(3)>", "SER-EVIL", ReviewFixture.IMG_USB_PRODUCT,
        ReviewFixture.SCRIPT_PROCESS, "bash");
    fx.flag(evil, 9, "farm-1", ReviewFixture.IMG_USB_PRODUCT);
    String other = fx.addDevice("lap-quiet", "SER-Q", "Keyboard", "bash");
    fx.flag(other, 7, "farm-1", "PiKVM");
    fx.store().roster().replaceAll(List.of(new RosterEmployee("e-1", EVIL_NAME, "m@example.com", "US", "TX",
        "America/Chicago", List.of("SER-EVIL"), List.of(), List.of("<i>grp</i>"))), fx.clock.now());
    fx.review().triage().addNote(new Principal("analyst-user", Role.ANALYST, Principal.Via.SESSION, "", ""), evil,
        "<script>alert(4)</script> seen on the USB list");
    admin = new Browserless(fx.baseUri(), fx.ssl);
    assertThat(admin.login("admin-user", ReviewFixture.PASSWORD).statusCode()).isEqualTo(303);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/devices", "/devices?verdict=flagged", "/devices/DEVICE", "/clusters",
      "/clusters/farm-1", "/policy", "/roster", "/enrollment", "/users", "/tokens", "/audit"})
  void page_rendersForAdmin_withEveryPayloadEscaped_andTheStrictCsp(String path) throws Exception {
    HttpResponse<String> r = admin.get(path.replace("DEVICE", evil));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String html = r.body();
    assertThat(html).doesNotContain("<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "<i>grp");
    assertThat(r.headers().firstValue("content-security-policy").orElse(""))
        .contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(html).doesNotContain("<script>").contains("<script src=\"/static/console.js\" defer></script>");
  }

  @Test
  void devicePage_showsThePayloadsAsText() throws Exception {
    String html = admin.get("/devices/" + evil).body();
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src", "&lt;svg onload",
        "&lt;b onmouseover");
    // Decoding the entities gives back exactly the text the agent reported: shown, not interpreted.
    assertThat(textOf(html)).contains(ReviewFixture.SCRIPT_PROCESS, ReviewFixture.IMG_USB_PRODUCT,
        "<svg onload=alert(3)>", EVIL_NAME);
    assertThat(html).contains("PiKVM USB gadget attached", "kvm.pikvm_usb");
  }

  static String textOf(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#61;", "=")
        .replace("&#39;", "'").replace("&#x27;", "'").replace("&#96;", "`").replace("&amp;", "&");
  }

  @Test
  void withoutSession_pagesRedirectToLogin() throws Exception {
    Browserless anonymous = new Browserless(fx.baseUri(), fx.ssl);
    HttpResponse<String> r = anonymous.get("/devices/" + evil);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("location")).hasValue("/login");
  }

  @Test
  void forms_withoutOrWithWrongCsrf_areRefused_withTheRightOne_work() throws Exception {
    Browserless analyst = new Browserless(fx.baseUri(), fx.ssl);
    analyst.login("analyst-user", ReviewFixture.PASSWORD);
    String page = analyst.get("/devices/" + evil).body();
    String csrf = Browserless.field(page, "_csrf");
    String path = "/devices/" + evil + "/triage";
    assertThat(analyst.post(path, Map.of("state", "INVESTIGATING")).statusCode()).isEqualTo(403);
    assertThat(analyst.post(path, Map.of("state", "INVESTIGATING", "_csrf", "ttc_forged")).statusCode()).isEqualTo(403);
    HttpResponse<String> ok = analyst.post(path, Map.of("state", "INVESTIGATING", "note", "looking", "_csrf", csrf));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
    assertThat(fx.review().triage().get(Principal.system("t"), evil).state()).isEqualTo("INVESTIGATING");
  }

  @Test
  void revokeButton_isForAdminsOnly_asksFirst_andRevokesWithTheCsrfToken() throws Exception {
    String doomed = fx.addDevice("lap-doomed", "SER-DOOMED", "Keyboard", "bash");
    Browserless analyst = new Browserless(fx.baseUri(), fx.ssl);
    analyst.login("analyst-user", ReviewFixture.PASSWORD);
    String analystPage = analyst.get("/devices/" + doomed).body();
    assertThat(analystPage).doesNotContain("id=\"revoke\"");
    HttpResponse<String> refused = analyst.post("/devices/" + doomed + "/revoke",
        Map.of("_csrf", Browserless.field(analystPage, "_csrf")));
    assertThat(refused.statusCode()).isEqualTo(403);

    String page = admin.get("/devices/" + doomed).body();
    assertThat(page).contains("id=\"revoke\"", "data-confirm=\"Revoke lap-doomed?");
    String path = "/devices/" + doomed + "/revoke";
    assertThat(admin.post(path, Map.of()).statusCode()).isEqualTo(403);
    assertThat(fx.store().devices().find(doomed).orElseThrow().revoked()).isFalse();
    HttpResponse<String> ok = admin.post(path, Map.of("_csrf", Browserless.field(page, "_csrf")));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("location")).hasValue("/devices/" + doomed + "?done=device-revoked");
    assertThat(fx.store().devices().find(doomed).orElseThrow().revoked()).isTrue();
    String after = admin.get("/devices/" + doomed + "?done=device-revoked").body();
    assertThat(after).contains("id=\"revoked\"", "Device revoked").doesNotContain("id=\"revoke\"");
  }

  @Test
  void loginForm_withoutItsDoubleSubmitToken_isRefused() throws Exception {
    Browserless b = new Browserless(fx.baseUri(), fx.ssl);
    HttpResponse<String> r = b.post("/login", Map.of("username", "admin-user", "password", ReviewFixture.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(b.cookies).doesNotContainKey("__Host-telltale_session");
  }

  @Test
  void policyWithAnError_showsTheProblemUnderItsLine() throws Exception {
    String csrf = Browserless.field(admin.get("/policy").body(), "_csrf");
    HttpResponse<String> r = admin.post("/policy", Map.of("_csrf", csrf, "action", "validate",
        "text", "name: p\nrules:\n  - id: a\n    when: [unclosed\n"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"problems-summary\"", "class=\"policy-problem\"", "class=\"bad\"");
  }
}
