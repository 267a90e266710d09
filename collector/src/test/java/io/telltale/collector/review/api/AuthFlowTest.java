package io.telltale.collector.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewFixture;
import io.telltale.collector.review.Role;
import io.telltale.collector.review.auth.AccessControl;
import io.telltale.collector.review.cli.ApiClient;
import java.net.HttpCookie;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, cookies, CSRF, lockout, token expiry and security headers, over real HTTPS. */
class AuthFlowTest {

  @TempDir static Path dir;
  static ReviewFixture fx;
  static String device;

  @BeforeAll
  static void start() throws Exception {
    fx = ReviewFixture.start(dir);
    device = fx.addDevice("lap-100", "SER-100", "Keyboard", "bash");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  record Session(String cookie, String csrf, List<String> setCookie) {}

  static Session login(String user, String password) throws Exception {
    ApiClient.Response r = fx.client(null).postJson("/session",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> setCookie = r.headers().allValues("set-cookie");
    HttpCookie c = HttpCookie.parse(setCookie.get(0)).get(0);
    return new Session(c.getName() + "=" + c.getValue(), JsonText.MAPPER.readTree(r.body()).path("csrfToken").asText(),
        setCookie);
  }

  static ApiClient.Response withCookie(Session s, String method, String path, String body, Map<String, String> extra)
      throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(extra);
    headers.put("Cookie", s.cookie());
    return fx.client(null).send(method, path, body == null ? null : "application/json", body, headers);
  }

  @Test
  void login_setsAHostOnlySecureHttpOnlyStrictCookie_andReturnsTheCsrfToken() throws Exception {
    Session s = login("analyst-user", ReviewFixture.PASSWORD);
    String header = s.setCookie().get(0);
    assertThat(header).startsWith(RequestAuth.SESSION_COOKIE + "=")
        .containsIgnoringCase("; HttpOnly").containsIgnoringCase("; Secure").containsIgnoringCase("; SameSite=Strict")
        .contains("Path=/").doesNotContainIgnoringCase("domain=");
    assertThat(s.csrf()).startsWith("ttc_").hasSizeGreaterThan(40);
    JsonNode me = JsonText.MAPPER.readTree(withCookie(s, "GET", "/session", null, Map.of()).body());
    assertThat(me.path("username").asText()).isEqualTo("analyst-user");
    assertThat(me.path("role").asText()).isEqualTo("analyst");
  }

  @Test
  void cookieSession_stateChangeWithoutOrWithWrongCsrf_isForbidden_withRightCsrf_works() throws Exception {
    Session s = login("analyst-user", ReviewFixture.PASSWORD);
    String body = "{\"state\":\"INVESTIGATING\"}";
    String path = "/devices/" + device + "/triage";
    assertThat(withCookie(s, "PUT", path, body, Map.of()).status()).isEqualTo(403);
    assertThat(withCookie(s, "PUT", path, body, Map.of(RequestAuth.CSRF_HEADER, "ttc_wrong")).status()).isEqualTo(403);
    ApiClient.Response ok = withCookie(s, "PUT", path, body, Map.of(RequestAuth.CSRF_HEADER, s.csrf()));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(JsonText.MAPPER.readTree(ok.body()).path("state").asText()).isEqualTo("INVESTIGATING");
  }

  @Test
  void logout_endsTheSession_andExpiresTheCookie() throws Exception {
    Session s = login("viewer-user", ReviewFixture.PASSWORD);
    ApiClient.Response out = withCookie(s, "DELETE", "/session", null, Map.of(RequestAuth.CSRF_HEADER, s.csrf()));
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.headers().allValues("set-cookie").get(0)).contains("Max-Age=0");
    assertThat(withCookie(s, "GET", "/session", null, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void failedLogin_login_andLogout_areAudited_withWhoWhenWhatAndAddress_andExported() throws Exception {
    fx.review().users().create(Principal.system("test"), "audited", Role.ANALYST, ReviewFixture.PASSWORD);
    Instant at = fx.clock.now();
    assertThat(fx.client(null).postJson("/session", "{\"username\":\"audited\",\"password\":\"nope\"}").status())
        .isEqualTo(401);
    assertThat(fx.client(null).postJson("/session", "{\"username\":\"ghost-user\",\"password\":\"nope\"}")
        .status()).isEqualTo(401);
    Session s = login("audited", ReviewFixture.PASSWORD);
    assertThat(withCookie(s, "DELETE", "/session", null, Map.of(RequestAuth.CSRF_HEADER, s.csrf())).status())
        .isEqualTo(204);

    ApiClient admin = fx.client(Role.ADMIN);
    JsonNode mine = JsonText.MAPPER.readTree(admin.get("/audit?actor=audited").body());
    List<String> actions = new java.util.ArrayList<>();
    mine.forEach(e -> actions.add(e.path("action").asText()));
    assertThat(actions).as("newest first").containsExactly("logout", "login", "login.failed");
    for (JsonNode e : mine) {
      assertThat(e.path("actor").asText()).isEqualTo("audited");
      assertThat(e.path("target").asText()).isEqualTo("audited");
      assertThat(Instant.parse(e.path("at").asText())).isEqualTo(at);
      assertThat(e.path("sourceIp").asText()).isEqualTo("127.0.0.1");
    }
    assertThat(mine.get(2).path("after").asText()).contains("wrong password").doesNotContain("nope");
    assertThat(mine.get(1).path("after").asText()).contains("\"role\":\"analyst\"");
    JsonNode ghost = JsonText.MAPPER.readTree(admin.get("/audit?actor=anonymous&action=login.failed").body()).get(0);
    assertThat(ghost.path("target").asText()).isEqualTo("ghost-user");
    assertThat(ghost.path("after").asText()).contains("unknown user");

    ApiClient.Response json = admin.get("/audit/export?format=json");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.headers().firstValue("content-disposition").orElse("")).contains("audit.json");
    List<String> exported = new java.util.ArrayList<>();
    JsonText.MAPPER.readTree(json.body()).forEach(e -> exported.add(e.path("actor").asText() + " "
        + e.path("action").asText()));
    assertThat(exported).contains("audited logout", "audited login", "audited login.failed",
        "anonymous login.failed");
    ApiClient.Response csv = admin.get("/audit/export?format=csv");
    assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("id,at,actor,action,target,before,after,source_ip")
        .contains(",audited,logout,audited,", ",audited,login.failed,audited,");
    // The export is itself audited, by whoever exported.
    JsonNode exports = JsonText.MAPPER.readTree(admin.get("/audit?action=audit.export").body());
    assertThat(exports.get(0).path("actor").asText()).startsWith("token:");
    assertThat(exports.get(0).path("after").asText()).contains("\"format\":\"csv\"");
  }

  @Test
  void wrongPassword_andUnknownUser_getTheSameAnswer() throws Exception {
    ApiClient.Response wrong = fx.client(null).postJson("/session", "{\"username\":\"viewer-user\",\"password\":\"nope\"}");
    ApiClient.Response unknown = fx.client(null).postJson("/session", "{\"username\":\"nobody\",\"password\":\"nope\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(JsonText.MAPPER.readTree(wrong.body()).path("message"))
        .isEqualTo(JsonText.MAPPER.readTree(unknown.body()).path("message"));
  }

  @Test
  void fiveFailedLogins_lockTheAccount_evenForTheRightPassword() throws Exception {
    fx.review().users().create(Principal.system("test"), "locky", Role.VIEWER, ReviewFixture.PASSWORD);
    for (int i = 0; i < AccessControl.MAX_FAILED_LOGINS; i++) {
      fx.client(null).postJson("/session", "{\"username\":\"locky\",\"password\":\"wrong password " + i + "\"}");
    }
    ApiClient.Response r = fx.client(null).postJson("/session",
        "{\"username\":\"locky\",\"password\":\"" + ReviewFixture.PASSWORD + "\"}");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.body()).contains("locked");
    fx.clock.advance(AccessControl.LOCKOUT.plusSeconds(1));
    assertThat(fx.client(null).postJson("/session",
        "{\"username\":\"locky\",\"password\":\"" + ReviewFixture.PASSWORD + "\"}").status()).isEqualTo(200);
  }

  @Test
  void revokedOrExpiredApiToken_isUnauthenticated() throws Exception {
    var revoked = fx.review().apiTokens().create(Principal.system("test"), "r", Role.ADMIN, null);
    var expiring = fx.review().apiTokens().create(Principal.system("test"), "e", Role.ADMIN, Duration.ofHours(1));
    ApiClient a = new ApiClient(fx.baseUri(), revoked.secret(), fx.ssl);
    ApiClient b = new ApiClient(fx.baseUri(), expiring.secret(), fx.ssl);
    assertThat(a.get("/devices").status()).isEqualTo(200);
    assertThat(b.get("/devices").status()).isEqualTo(200);
    fx.review().apiTokens().revoke(Principal.system("test"), revoked.token().id());
    fx.clock.advance(Duration.ofHours(2));
    assertThat(a.get("/devices").status()).isEqualTo(401);
    assertThat(b.get("/devices").status()).isEqualTo(401);
  }

  @Test
  void apiResponses_carryAStrictCspAndNoSniff() throws Exception {
    ApiClient.Response r = fx.client(Role.VIEWER).get("/devices");
    String csp = r.headers().firstValue("content-security-policy").orElse("");
    assertThat(csp).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    assertThat(fx.client(null).get("/devices").headers().firstValue("content-security-policy")).isPresent();
  }
}
