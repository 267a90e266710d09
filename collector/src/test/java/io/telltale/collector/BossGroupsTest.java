package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.Flags;
import com.linecorp.armeria.common.util.TransportType;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BossGroupsTest {

  @Test
  void hostsTheServerChannelsOfArmeriasTransport_andStopsWhenAsked() throws Exception {
    EventLoopGroup g = BossGroups.create("boss-test");
    try {
      assertThat(TransportType.isSupported(g)).isTrue();
      assertThat(TransportType.serverChannelType(g)).isEqualTo(Flags.transportType().serverChannelType());
    } finally {
      g.shutdownGracefully();
    }
    assertThat(g.terminationFuture().await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(g.isTerminated()).isTrue();
  }
}
