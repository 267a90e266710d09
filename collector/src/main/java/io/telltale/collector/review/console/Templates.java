package io.telltale.collector.review.console;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the console's Mustache templates. Every {@code {{value}}} is HTML-escaped by the engine (we never
 * use the unescaped {@code {{{value}}}} form), so text an agent reported (process names, USB strings, host
 * names) is shown as text wherever it appears. Templates compile once and are cached. Thread-safe.
 */
final class Templates {

  static final String ROOT = "io/telltale/collector/review/console/templates";

  private final MustacheFactory factory = new DefaultMustacheFactory(ROOT);
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  String render(String name, Object scope) {
    Mustache m = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    StringWriter out = new StringWriter();
    m.execute(out, scope);
    return out.toString();
  }

  HttpResponse page(HttpStatus status, String name, Object scope) {
    return HttpResponse.of(status, MediaType.HTML_UTF_8, render(name, scope));
  }

  HttpResponse page(String name, Object scope) {
    return page(HttpStatus.OK, name, scope);
  }
}
