package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.probe.Parsers.Unparseable;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** xCAT's level is the xCAT-server RPM's version (xCAT on AIX is RPMs, not installp). */
class SoftwareFormatsTest {
  @Test
  void bothRpmQueryFormatsGiveTheVersion() throws Unparseable {
    assertThat(Parsers.rpmVersion(Samples.lines("rpm", "name-version-release"), "xCAT-server"))
        .contains("2.7.2");
    assertThat(Parsers.rpmVersion(Samples.lines("rpm", "name-version-release-arch"), "xCAT-server"))
        .contains("2.7.2");
    assertThat(Parsers.rpmVersion(Samples.lines("rpm", "not-installed"), "xCAT-server")).isEmpty();
  }

  @Test
  void rpmMissingOrSayingSomethingElseIsUnreadableNotUninstalled() {
    assertThatThrownBy(() -> Parsers.rpmVersion(List.of("sh: rpm: not found"), "xCAT-server"))
        .isInstanceOf(Unparseable.class);
    assertThatThrownBy(() -> Parsers.rpmVersion(List.of("xCAT-server-doc-2.7.2-1"), "xCAT-server"))
        .isInstanceOf(Unparseable.class);
  }

  @Test
  void theSimulatorsRpmReadsTheSameAndTheLevelIsMet() throws Unparseable {
    SimStore store = SimClusters.store(Scenario.CONVERGED);

    Optional<String> sn =
        Parsers.rpmVersion(Samples.sim(store, "sn01", "rpm", "-q", "xCAT-server"), "xCAT-server");
    Optional<String> absent =
        Parsers.rpmVersion(Samples.sim(store, "sn01", "rpm", "-q", "xCAT-rmc"), "xCAT-rmc");
    Observed level =
        ProbeRuns.xdsh(store, DesiredState.of(SimClusters.example()))
            .resources()
            .get(new ResourceId(HostName.of("sn01"), ResourceKind.SOFTWARE, "xcat"));

    assertThat(sn).contains("2.7.2");
    assertThat(absent).isEmpty();
    assertThat(level).isInstanceOf(Observed.Present.class);
  }
}
