package io.telltale.collector.review.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/** A cookie-keeping HTTPS client for console tests that need no browser: forms, redirects by hand. */
final class Browserless {

  private final URI base;
  private final HttpClient http;
  final Map<String, String> cookies = new LinkedHashMap<>();

  Browserless(URI base, SSLContext ssl) {
    this.base = base;
    this.http = HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    if (!cookies.isEmpty()) {
      b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    for (String sc : r.headers().allValues("set-cookie")) {
      String pair = sc.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty() || sc.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return r;
  }

  /** Logs in through the form (login token from the page, as a browser would). */
  HttpResponse<String> login(String user, String password) throws Exception {
    String page = get("/login").body();
    return post("/login", Map.of("username", user, "password", password, "_login", field(page, "_login")));
  }

  /** The value of hidden input {@code name} in {@code html}. */
  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no field " + name + " in page");
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
