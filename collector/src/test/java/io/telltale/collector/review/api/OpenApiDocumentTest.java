package io.telltale.collector.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.Route;
import com.linecorp.armeria.server.ServiceConfig;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.ReviewFixture;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document served at /api/v1/openapi.json lists exactly the routes the collector serves. */
class OpenApiDocumentTest {

  @TempDir Path dir;

  /** "METHOD /path" for every operation in the document, paths relative to /api/v1 with {param}s. */
  static Set<String> operations(JsonNode doc) {
    Set<String> out = new TreeSet<>();
    Iterator<String> paths = doc.path("paths").fieldNames();
    while (paths.hasNext()) {
      String p = paths.next();
      doc.path("paths").path(p).fieldNames().forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + p));
    }
    return out;
  }

  /** "METHOD /path" for every /api/v1 route the fixture's server serves, in the document's notation. */
  static Set<String> servedRoutes(ReviewFixture fx) {
    Set<String> served = new TreeSet<>();
    for (ServiceConfig sc : fx.collector.server.config().serviceConfigs()) {
      Route route = sc.route();
      String pattern = route.patternString();
      if (!pattern.startsWith(RestApi.PREFIX + "/")) {
        continue;
      }
      String path = pattern.substring(RestApi.PREFIX.length()).replaceAll(":([A-Za-z_]+)", "{$1}");
      for (HttpMethod m : route.methods()) {
        if (m != HttpMethod.HEAD && m != HttpMethod.OPTIONS) {
          served.add(m + " " + path);
        }
      }
    }
    return served;
  }

  @Test
  void servedDocument_matchesTheServedRoutes_bothWays() throws Exception {
    try (ReviewFixture fx = ReviewFixture.start(dir)) {
      var r = fx.client(null).get("/openapi.json");
      assertThat(r.status()).isEqualTo(200);
      Set<String> documented = operations(JsonText.MAPPER.readTree(r.body()));
      assertThat(documented).isEqualTo(servedRoutes(fx));
      assertThat(documented).contains("GET /devices", "PUT /devices/{id}/triage", "POST /policy/apply",
          "POST /devices/{id}/revoke");
    }
  }
}
