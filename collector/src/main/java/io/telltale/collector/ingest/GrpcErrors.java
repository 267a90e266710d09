package io.telltale.collector.ingest;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** The gRPC statuses ingest returns (STYLE #12). Descriptions are short and never carry SQL or stack traces. */
final class GrpcErrors {

  /** Trailer with the delay an overloaded collector asks for, in ms (decimal text). */
  static final Metadata.Key<String> RETRY_AFTER_MS =
      Metadata.Key.of("telltale-retry-after-ms", Metadata.ASCII_STRING_MARSHALLER);

  private GrpcErrors() {}

  static StatusRuntimeException invalid(String reason) {
    return Status.INVALID_ARGUMENT.withDescription(reason).asRuntimeException();
  }

  static StatusRuntimeException permissionDenied(String reason) {
    return Status.PERMISSION_DENIED.withDescription(reason).asRuntimeException();
  }

  static StatusRuntimeException unavailable() {
    return Status.UNAVAILABLE.withDescription("store unavailable; keep the report and retry").asRuntimeException();
  }

  static StatusRuntimeException overloaded(long retryAfterMs) {
    Metadata trailers = new Metadata();
    trailers.put(RETRY_AFTER_MS, Long.toString(retryAfterMs));
    return Status.RESOURCE_EXHAUSTED.withDescription("collector busy; retry after " + retryAfterMs + " ms")
        .asRuntimeException(trailers);
  }

  static StatusRuntimeException internal() {
    return Status.INTERNAL.withDescription("internal error").asRuntimeException();
  }
}
