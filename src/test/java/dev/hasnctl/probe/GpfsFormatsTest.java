package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Diff;
import dev.hasnctl.probe.Parsers.Unparseable;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mmlsmount -L, mmlscluster and mmgetstate in every recorded layout, and the simulator's. */
class GpfsFormatsTest {
  private static final HostName SN01 = HostName.of("sn01");
  private static final HostName SN03 = HostName.of("sn03");

  @Test
  void twoColumnLayoutNamesTheNodesByShortName() throws Unparseable {
    List<GpfsNodes.Mounted> mounted =
        GpfsNodes.mounted(Samples.lines("mmlsmount", "two-columns-short-names"));

    assertThat(mounted)
        .containsExactly(
            new GpfsNodes.Mounted("20.10.12.1", "sn01", ""),
            new GpfsNodes.Mounted("20.10.12.17", "sn02", ""));
    assertThat(GpfsNodes.mountedHere(SN01, "", List.of(), mounted)).isTrue();
    assertThat(GpfsNodes.mountedHere(SN03, "", List.of(), mounted)).isFalse();
  }

  @Test
  void threeColumnLayoutWithDomainNamesIsMappedThroughMmlscluster() throws Unparseable {
    List<GpfsNodes.Mounted> mounted =
        GpfsNodes.mounted(Samples.lines("mmlsmount", "three-columns-fqdn"));
    List<GpfsNodes.Member> members =
        GpfsNodes.members(Samples.lines("mmlscluster", "fqdn-daemon-names"));
    String local = GpfsNodes.localName(Samples.lines("mmgetstate", "short-name"));

    assertThat(mounted).hasSize(2).allMatch(m -> m.cluster().equals("snadmin.p7hpc.example.com"));
    assertThat(members)
        .contains(
            new GpfsNodes.Member("sn01.gpfs.example.com", "20.10.12.1", "sn01.gpfs.example.com"));
    assertThat(local).isEqualTo("sn01");
    assertThat(GpfsNodes.mountedHere(SN01, local, members, mounted)).isTrue();
    assertThat(GpfsNodes.mountedHere(SN03, "sn03", members, mounted)).isFalse();
  }

  @Test
  void aDaemonNameUnlikeXcatsIsFoundByTheLocalNodesAddress() throws Unparseable {
    // GPFS runs over another interface: its names share nothing with xCAT's "sn01".
    List<GpfsNodes.Mounted> mounted =
        GpfsNodes.mounted(
            List.of(
                "File system gpfsinstall is mounted on 1 nodes:",
                "  20.10.12.1      gpfs-a.ib.example.com   snadmin.p7hpc.example.com"));
    List<GpfsNodes.Member> members =
        List.of(new GpfsNodes.Member("gpfs-a.ib.example.com", "20.10.12.1", "admin-a"));

    assertThat(GpfsNodes.mountedHere(SN01, "gpfs-a", members, mounted)).isTrue();
    assertThat(GpfsNodes.mountedHere(SN01, "gpfs-b", members, mounted)).isFalse();
  }

  @Test
  void notMountedIsNoNodeAndUnreadableOutputIsAnErrorNotNotMounted() throws Unparseable {
    assertThat(GpfsNodes.mounted(Samples.lines("mmlsmount", "not-mounted"))).isEmpty();
    assertThatThrownBy(
            () -> GpfsNodes.mounted(List.of("mmlsmount: 6027-1365 Unexpected error", "")))
        .isInstanceOf(Unparseable.class);
    assertThatThrownBy(() -> GpfsNodes.mounted(List.of())).isInstanceOf(Unparseable.class);
  }

  @Test
  void theSimulatorPrintsBothLayoutsAndTheyReadTheSameAsTheSamples() throws Unparseable {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    List<String> shortLayout = Samples.sim(store, "sn01", "mmlsmount", "gpfsinstall", "-L");
    assertThat(GpfsNodes.mountedHere(SN01, "", List.of(), GpfsNodes.mounted(shortLayout))).isTrue();

    domainDaemonNames(store);
    List<GpfsNodes.Mounted> mounted =
        GpfsNodes.mounted(Samples.sim(store, "sn01", "mmlsmount", "gpfsinstall", "-L"));
    List<GpfsNodes.Member> members = GpfsNodes.members(Samples.sim(store, "sn01", "mmlscluster"));
    String local = GpfsNodes.localName(Samples.sim(store, "sn01", "mmgetstate"));

    assertThat(mounted).allMatch(m -> m.name().endsWith(".gpfs.example.com"));
    assertThat(mounted).allMatch(m -> !m.cluster().isEmpty());
    assertThat(local).isEqualTo("sn01");
    assertThat(GpfsNodes.mountedHere(SN01, local, members, mounted)).isTrue();
  }

  @Test
  void aConvergedClusterWhoseGpfsNamesAreDomainNamesHasNothingToDo() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    domainDaemonNames(store);
    DesiredState desired = DesiredState.of(SimClusters.example());

    ObservedState observed = ProbeRuns.xdsh(store, desired);

    assertThat(Diff.between(desired, observed.resources())).isEmpty();
  }

  static void domainDaemonNames(SimStore store) {
    store.transact(
        c -> {
          for (SimHost h : c.state().hosts.values()) {
            if (h.gpfs != null) {
              h.gpfs.daemonName = h.name + ".gpfs.example.com";
            }
          }
          return null;
        });
  }
}
