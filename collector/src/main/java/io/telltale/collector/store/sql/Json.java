package io.telltale.collector.store.sql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jspecify.annotations.Nullable;

/** JSON text of domain records in the store's text columns. Unknown fields are ignored when reading. */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  static @Nullable String write(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  static <T> @Nullable T read(@Nullable String text, Class<T> type) {
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
    }
  }

  /** A JSON object of strings ({@code {}} when the text is empty). */
  static java.util.Map<String, String> readStringMap(String text) {
    if (text.isEmpty()) {
      return java.util.Map.of();
    }
    try {
      return MAPPER.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored JSON object", e);
    }
  }
}
