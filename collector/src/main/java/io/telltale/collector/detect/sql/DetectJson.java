package io.telltale.collector.detect.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.telltale.collector.detect.Verdict;
import java.util.Map;

/** JSON of detection rows: evidence details and whole verdicts. Thread-safe. */
public final class DetectJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

  private DetectJson() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  static Map<String, String> strings(String json) {
    try {
      return MAPPER.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt evidence detail", e);
    }
  }

  public static Verdict verdict(String json) {
    try {
      return MAPPER.readValue(json, Verdict.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt verdict", e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
