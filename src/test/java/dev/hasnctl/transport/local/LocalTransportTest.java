package dev.hasnctl.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PATH extension, without processes. */
class LocalTransportTest {
  @Test
  void directoriesAlreadyOnPathAreNotRepeated() {
    assertThat(LocalTransport.extendedPath("/usr/bin:/opt/xcat/bin:/bin"))
        .isEqualTo("/usr/bin:/opt/xcat/bin:/bin:/opt/xcat/sbin:/usr/lpp/mmfs/bin:/usr/sbin:/sbin");
  }

  @Test
  void missingPathBecomesTheStandardDirectories() {
    assertThat(LocalTransport.extendedPath(null))
        .isEqualTo("/opt/xcat/bin:/opt/xcat/sbin:/usr/lpp/mmfs/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  }
}
