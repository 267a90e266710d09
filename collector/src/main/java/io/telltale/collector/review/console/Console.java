package io.telltale.collector.review.console;

import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.file.FileService;
import io.telltale.collector.review.ReviewServices;
import io.telltale.collector.review.api.RequestAuth;
import io.telltale.collector.review.api.SecurityHeaders;
import java.util.List;

/**
 * Mounts the web console at {@code /}: server-rendered pages over the review use cases, one stylesheet and
 * one small script under {@code /static/}, all behind the strict CSP of {@link SecurityHeaders}.
 */
public final class Console {

  static final String STATIC = "io/telltale/collector/review/console/static";

  private Console() {}

  public static void configure(ServerBuilder sb, ReviewServices review) {
    Templates templates = new Templates();
    ConsoleAuth gate = new ConsoleAuth(new RequestAuth(review.access()));
    List<Object> pages = List.of(
        new LoginPage(review.access(), templates),
        new DevicePages(review, templates),
        new ClusterPages(review.clusters(), templates),
        new PolicyPage(review.policies(), templates),
        new AdminPages(review, templates));
    for (Object page : pages) {
      sb.annotatedService()
          .useBlockingTaskExecutor(true)
          .maxRequestLength(24L * 1024 * 1024)
          .exceptionHandlers(new ConsoleErrors(templates))
          .decorator(gate.decorator())
          .decorator(SecurityHeaders.decorator(false))
          .build(page);
    }
    sb.serviceUnder("/static/", FileService.builder(Console.class.getClassLoader(), STATIC)
        .cacheControl("max-age=3600").build().decorate(SecurityHeaders.decorator(true)));
  }
}
