package dev.hasnctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostNameTest {
  @Test
  void acceptsDnsNames() {
    assertThat(HostName.of("sn01-hfi.p7hpc.example.com").shortName()).isEqualTo("sn01-hfi");
  }

  @Test
  void rejectsShellMetacharactersAndBadLabels() {
    for (String bad : new String[] {"sn01;rm", "-sn01", "sn01-", "a..b", "", "sn 01", "$(x)"}) {
      assertThatThrownBy(() -> HostName.of(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void pathsMustBeAbsoluteAndPlain() {
    assertThat(AbsolutePath.of("/install/paging").isWithin(AbsolutePath.of("/install"))).isTrue();
    assertThat(AbsolutePath.of("/install-gpfs/x").isWithin(AbsolutePath.of("/install"))).isFalse();
    assertThatThrownBy(() -> AbsolutePath.of("install"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbsolutePath.of("/a/../etc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbsolutePath.of("/a b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pathsAreOnlyAcceptedInNormalFormSoOnePlaceHasOneSpelling() {
    for (String bad :
        List.of(
            "/./install/dump",
            "/install/nim/./paging",
            "/install//paging",
            "/..",
            "/install/..",
            "/install/.",
            "//etc")) {
      assertThatThrownBy(() -> AbsolutePath.of(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThat(AbsolutePath.of("/install/.hidden/x..y").value()).isEqualTo("/install/.hidden/x..y");
    assertThat(AbsolutePath.of("/var/adm/ras/").isWithin(AbsolutePath.of("/var/adm"))).isTrue();
    assertThat(AbsolutePath.of("/install/").isBelow(AbsolutePath.of("/install"))).isFalse();
    assertThat(AbsolutePath.of("/install/paging").isBelow(AbsolutePath.of("/install/"))).isTrue();
  }
}
