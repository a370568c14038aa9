package dev.hasnctl.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PATH extension with xCAT's, GPFS's and AIX's directories. */
class StandardPathTest {
  @Test
  void directoriesAlreadyOnPathAreNotRepeated() {
    assertThat(StandardPath.appendTo("/usr/bin:/opt/xcat/bin:/bin"))
        .isEqualTo("/usr/bin:/opt/xcat/bin:/bin:/opt/xcat/sbin:/usr/lpp/mmfs/bin:/usr/sbin:/sbin");
  }

  @Test
  void missingPathBecomesTheStandardDirectories() {
    assertThat(StandardPath.appendTo(null))
        .isEqualTo("/opt/xcat/bin:/opt/xcat/sbin:/usr/lpp/mmfs/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  }
}
