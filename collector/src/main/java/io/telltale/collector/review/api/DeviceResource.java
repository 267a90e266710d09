package io.telltale.collector.review.api;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Default;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.ProducesJson;
import io.telltale.collector.review.DeviceDetail;
import io.telltale.collector.review.DeviceExport;
import io.telltale.collector.review.DeviceFilter;
import io.telltale.collector.review.DeviceRevocation;
import io.telltale.collector.review.DeviceSearch;
import io.telltale.collector.review.ReviewServices;
import io.telltale.collector.review.Overview;
import java.util.Optional;

/**
 * {@code /devices}, {@code /overview} and {@code /export/devices}: finding devices and their evidence;
 * {@code /devices/{id}/revoke}: shutting a device out.
 */
final class DeviceResource {

  private final ReviewServices review;

  DeviceResource(ReviewServices review) {
    this.review = review;
  }

  @Get("/overview")
  @ProducesJson
  public Overview.Fleet overview(ServiceRequestContext ctx) {
    return review.overview().fleet(RequestAuth.principal(ctx));
  }

  @Get("/devices")
  @ProducesJson
  public DeviceSearch.Page list(ServiceRequestContext ctx, @Param("verdict") Optional<String> verdict,
      @Param("min_score") Optional<Integer> minScore, @Param("cluster") Optional<String> cluster,
      @Param("employee") Optional<String> employee, @Param("os") Optional<String> os,
      @Param("seen_within") Optional<String> seenWithin, @Param("q") Optional<String> q,
      @Param("triage") Optional<String> triage, @Param("offset") @Default("0") int offset,
      @Param("limit") @Default("50") int limit) {
    DeviceFilter filter = filter(verdict, minScore, cluster, employee, os, seenWithin, q, triage);
    return review.devices().search(RequestAuth.principal(ctx), filter, offset, limit);
  }

  @Get("/devices/{id}")
  @ProducesJson
  public DeviceDetail detail(ServiceRequestContext ctx, @Param("id") String id) {
    return review.profiles().detail(RequestAuth.principal(ctx), id);
  }

  @Post("/devices/{id}/revoke")
  @ProducesJson
  public DeviceRevocation.Revoked revoke(ServiceRequestContext ctx, @Param("id") String id) {
    return review.revocation().revoke(RequestAuth.principal(ctx), id);
  }

  @Get("/export/devices")
  public HttpResponse export(ServiceRequestContext ctx, @Param("format") @Default("csv") String format,
      @Param("verdict") Optional<String> verdict, @Param("min_score") Optional<Integer> minScore,
      @Param("cluster") Optional<String> cluster, @Param("employee") Optional<String> employee,
      @Param("os") Optional<String> os, @Param("seen_within") Optional<String> seenWithin,
      @Param("q") Optional<String> q, @Param("triage") Optional<String> triage) {
    DeviceFilter filter = filter(verdict, minScore, cluster, employee, os, seenWithin, q, triage);
    DeviceExport.Export e = review.export().export(RequestAuth.principal(ctx), filter, format);
    return download(e.mediaType(), "devices." + (e.mediaType().contains("json") ? "json" : "csv"), e.body());
  }

  private DeviceFilter filter(Optional<String> verdict, Optional<Integer> minScore, Optional<String> cluster,
      Optional<String> employee, Optional<String> os, Optional<String> seenWithin, Optional<String> q,
      Optional<String> triage) {
    var since = seenWithin.filter(s -> !s.isBlank())
        .map(s -> review.clock().now().minus(Durations.parse("seen_within", s))).orElse(null);
    return new DeviceFilter(verdict.orElse(null), minScore.orElse(null), cluster.orElse(null), employee.orElse(null),
        os.orElse(null), since, q.orElse(null), triage.orElse(null));
  }

  static HttpResponse download(String mediaType, String filename, String body) {
    return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
        .contentType(MediaType.parse(mediaType + "; charset=utf-8"))
        .set("content-disposition", "attachment; filename=\"" + filename + "\"").build(),
        com.linecorp.armeria.common.HttpData.ofUtf8(body));
  }
}
