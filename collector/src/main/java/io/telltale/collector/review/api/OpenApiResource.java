package io.telltale.collector.review.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /openapi.json}: the API's OpenAPI 3.0 document. It is written by hand in
 * {@code review/api/openapi.yaml} (reviewable as a document) and served as JSON; a test checks that every
 * route it lists is served and every served route is listed.
 */
final class OpenApiResource {

  static final String RESOURCE = "io/telltale/collector/review/api/openapi.yaml";

  private final String json;

  OpenApiResource() {
    this.json = load().toString();
  }

  /** The document as a tree. */
  static JsonNode load() {
    try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get("/openapi.json")
  public HttpResponse document() {
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, json);
  }
}
