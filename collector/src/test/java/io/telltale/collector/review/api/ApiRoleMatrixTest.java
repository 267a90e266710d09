package io.telltale.collector.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewFixture;
import io.telltale.collector.review.Role;
import io.telltale.collector.review.cli.ApiClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every API endpoint × {no credentials, viewer, analyst, admin}, through the real server on loopback with a
 * real HTTP client: below the endpoint's role → 403, without credentials → 401 (except the two open
 * endpoints), otherwise the endpoint's success status.
 */
class ApiRoleMatrixTest {

  @TempDir static Path dir;
  static ReviewFixture fx;
  static String device;
  static final AtomicInteger SEQ = new AtomicInteger();

  /**
   * One endpoint: its OpenAPI operation, the least role that may call it (null = open), a request for it
   * (path built per call, so deletions get a fresh target) and its success status.
   */
  record Endpoint(String method, String template, @Nullable Role min, Function<ReviewFixture, String> path,
      @Nullable String contentType, @Nullable String body, int ok) {
    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  static final String POLICY = "{\"text\":\"name: p\\nthreshold: 5\\nrules: []\\n\"}";

  static final List<Endpoint> ENDPOINTS = List.of(
      get("/openapi.json", null),
      new Endpoint("POST", "/session", null, f -> "/session", "application/json",
          "{\"username\":\"admin-user\",\"password\":\"" + ReviewFixture.PASSWORD + "\"}", 200),
      get("/session", Role.VIEWER),
      new Endpoint("DELETE", "/session", Role.VIEWER, f -> "/session", null, null, 204),
      get("/health", Role.VIEWER),
      get("/overview", Role.VIEWER),
      get("/devices", Role.VIEWER),
      new Endpoint("GET", "/devices/{id}", Role.VIEWER, f -> "/devices/" + device, null, null, 200),
      new Endpoint("GET", "/devices/{id}/triage", Role.VIEWER, f -> "/devices/" + device + "/triage", null, null, 200),
      new Endpoint("PUT", "/devices/{id}/triage", Role.ANALYST, f -> "/devices/" + device + "/triage",
          "application/json", "{\"state\":\"INVESTIGATING\"}", 200),
      new Endpoint("POST", "/devices/{id}/notes", Role.ANALYST, f -> "/devices/" + device + "/notes",
          "application/json", "{\"body\":\"checked the USB list\"}", 201),
      new Endpoint("POST", "/devices/{id}/revoke", Role.ADMIN,
          f -> "/devices/" + f.enrollDevice("doomed-" + SEQ.incrementAndGet(), "SER-D") + "/revoke", "application/json",
          "{}", 200),
      get("/export/devices", Role.ANALYST),
      get("/clusters", Role.VIEWER),
      new Endpoint("GET", "/clusters/{id}", Role.VIEWER, f -> "/clusters/farm-1", null, null, 200),
      get("/policy", Role.VIEWER),
      get("/policy/history", Role.VIEWER),
      new Endpoint("GET", "/policy/history/{version}", Role.VIEWER,
          f -> "/policy/history/" + f.review().policies().current(Principal.system("test")).version(), null, null, 200),
      new Endpoint("POST", "/policy/validate", Role.ADMIN, f -> "/policy/validate", "application/json", POLICY, 200),
      new Endpoint("POST", "/policy/test", Role.ADMIN, f -> "/policy/test", "application/json", POLICY, 200),
      new Endpoint("POST", "/policy/apply", Role.ADMIN, f -> "/policy/apply", "application/json", POLICY, 200),
      get("/roster", Role.VIEWER),
      new Endpoint("POST", "/roster/import", Role.ADMIN, f -> "/roster/import", "text/csv",
          "employee_id,name,email,country,region,timezone,serials,hostnames,groups\n"
              + "e1,Ada,ada@example.com,US,TX,America/Chicago,SER-1,,eng\n", 200),
      get("/enrollment-tokens", Role.ADMIN),
      new Endpoint("POST", "/enrollment-tokens", Role.ADMIN, f -> "/enrollment-tokens", "application/json",
          "{\"expires\":\"1d\",\"maxUses\":2}", 201),
      new Endpoint("DELETE", "/enrollment-tokens/{id}", Role.ADMIN, f -> "/enrollment-tokens/"
          + f.review().enrollment().create(Principal.system("test"), Duration.ofDays(1), 1).token().id(),
          null, null, 204),
      get("/users", Role.ADMIN),
      new Endpoint("POST", "/users", Role.ADMIN, f -> "/users", "application/json", null, 201),
      new Endpoint("PATCH", "/users/{username}", Role.ADMIN, f -> "/users/viewer-user", "application/json",
          "{\"role\":\"viewer\"}", 200),
      get("/tokens", Role.ADMIN),
      new Endpoint("POST", "/tokens", Role.ADMIN, f -> "/tokens", "application/json",
          "{\"name\":\"siem\",\"role\":\"viewer\",\"expires\":\"30d\"}", 201),
      new Endpoint("DELETE", "/tokens/{id}", Role.ADMIN, f -> "/tokens/"
          + f.review().apiTokens().create(Principal.system("test"), "doomed", Role.VIEWER, null).token().id(),
          null, null, 204),
      get("/audit", Role.ADMIN),
      get("/audit/export", Role.ADMIN));

  static Endpoint get(String path, @Nullable Role min) {
    return new Endpoint("GET", path, min, f -> path, null, null, 200);
  }

  @BeforeAll
  static void start() throws Exception {
    fx = ReviewFixture.start(dir);
    device = fx.addDevice("lap-001", "SER-1", "Keyboard", "bash", "anydesk");
    fx.flag(device, 9, "farm-1", "PiKVM");
    fx.addDevice("lap-002", "SER-2", "Mouse", "bash");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    List<Role> roles = new ArrayList<>();
    roles.add(null);
    roles.addAll(List.of(Role.values()));
    for (Endpoint e : ENDPOINTS) {
      for (Role r : roles) {
        out.add(Arguments.of(e, r == null ? "none" : r.id()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void endpoint_asRole_answersTheExpectedStatus(Endpoint e, String roleName) throws Exception {
    Role role = roleName.equals("none") ? null : Role.parse(roleName);
    int expected = e.min() == null ? e.ok() : role == null ? 401 : role.includes(e.min()) ? e.ok() : 403;
    String body = e.body() != null ? e.body()
        : e.template().equals("/users") ? "{\"username\":\"u" + SEQ.incrementAndGet() + "\",\"role\":\"viewer\"}" : null;
    ApiClient client = fx.client(role);
    ApiClient.Response r = client.send(e.method(), e.path().apply(fx), e.contentType(), body, Map.of());
    assertThat(r.status()).as("%s as %s: %s", e, roleName, r.body()).isEqualTo(expected);
    if (expected >= 400) {
      JsonNode err = JsonText.MAPPER.readTree(r.body());
      assertThat(err.path("status").asInt()).isEqualTo(expected);
      assertThat(err.path("message").asText()).isNotBlank();
    }
  }

  /**
   * A new endpoint without a row here fails the build: the rows must be exactly the operations of the
   * OpenAPI document this collector serves, and exactly the /api/v1 routes it serves (one may be added
   * without the other).
   */
  @Test
  void matrix_coversEveryOperationOfTheServedOpenApiDocument_andEveryServedRoute() throws Exception {
    List<String> rows = ENDPOINTS.stream().map(e -> e.method() + " " + e.template()).toList();
    Set<String> tested = new HashSet<>(rows);
    assertThat(rows).as("one row per operation").hasSameSizeAs(tested);
    ApiClient.Response doc = fx.client(null).get("/openapi.json");
    assertThat(doc.status()).isEqualTo(200);
    assertThat(tested).as("matrix rows vs. the served OpenAPI document")
        .isEqualTo(OpenApiDocumentTest.operations(JsonText.MAPPER.readTree(doc.body())));
    assertThat(tested).as("matrix rows vs. the served routes").isEqualTo(OpenApiDocumentTest.servedRoutes(fx));
  }
}
