package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Change;
import dev.hasnctl.plan.Diff;
import dev.hasnctl.sim.FaultInjector;
import dev.hasnctl.sim.FaultKind;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.XdshRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProbeTest {
  private static final HostName EMS = HostName.of("ems01");
  private final DesiredState desired = DesiredState.of(SimClusters.example());

  private static ObservedState probe(SimStore store, Probe.Mode mode) {
    return new Probe(
            new XdshRelay(new SimTransport(store), EMS),
            EMS,
            mode,
            Duration.ofMinutes(5),
            SimClusters.secret())
        .observe(DesiredState.of(SimClusters.example()));
  }

  @Test
  void aConvergedClusterMatchesTheSpecExactly() {
    ObservedState observed = probe(SimClusters.store(Scenario.CONVERGED), Probe.Mode.XDSH);

    List<Change> changes = Diff.between(desired, observed.resources());

    assertThat(changes).as("%s", changes.stream().limit(10).toList()).isEmpty();
  }

  @Test
  void directAccessSeesTheSame() {
    ObservedState xdsh = probe(SimClusters.store(Scenario.CONVERGED), Probe.Mode.XDSH);
    ObservedState direct = probe(SimClusters.store(Scenario.CONVERGED), Probe.Mode.DIRECT);

    assertThat(direct.resources()).isEqualTo(xdsh.resources());
  }

  @Test
  void aFreshClusterDiffersInEveryKindItLeavesUnconfigured() {
    ObservedState observed = probe(SimClusters.store(Scenario.FRESH), Probe.Mode.XDSH);

    Set<ResourceKind> kinds =
        Diff.between(desired, observed.resources()).stream()
            .map(c -> c.id().kind())
            .collect(Collectors.toSet());

    assertThat(kinds)
        .contains(
            ResourceKind.SITE_ATTRIBUTE,
            ResourceKind.NODE,
            ResourceKind.EXPORT,
            ResourceKind.INITTAB_ORDER,
            ResourceKind.SHUTDOWN_ORDER,
            ResourceKind.GPFS_MOUNT,
            ResourceKind.DISKLESS_NODE,
            ResourceKind.PAGING_FILE);
    assertThat(observed.partial()).isFalse();
  }

  @Test
  void anSnThatIsDownIsUnknownAndTheOthersAreStillSeen() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    store.transact(
        c -> {
          FaultInjector.inject(c.state(), FaultKind.DOWN, "sn03", Optional.empty());
          return null;
        });

    ObservedState observed = probe(store, Probe.Mode.XDSH);

    observed
        .resources()
        .forEach(
            (id, o) -> {
              if (id.host().value().equals("sn03")) {
                assertThat(o).isInstanceOf(Observed.Unknown.class);
                assertThat(((Observed.Unknown) o).reason()).startsWith("sn03 unreachable");
              } else {
                assertThat(o).as("%s", id).isNotInstanceOf(Observed.Unknown.class);
              }
            });
  }

  @Test
  void roundTripsDoNotGrowWithTheNumberOfNodes() {
    ObservedState observed = probe(SimClusters.store(Scenario.CONVERGED), Probe.Mode.XDSH);

    assertThat(observed.roundTrips()).containsOnlyKeys(EMS);
    // The EMS's own script, one xdsh to every SN, one xdsh to every booted compute node, one to
    // the TEAL utility node (its own script: the connection check), and one xdsh listing the
    // paging files on the shared /install.
    assertThat(observed.roundTrips().get(EMS)).isEqualTo(5);
  }

  /** The noderange of each xdsh that listed paging files while probing {@code store}. */
  private static List<String> pagingListers(SimStore store) {
    List<String> noderanges = new ArrayList<>();
    ObservedState observed =
        probeWatching(
            store,
            command -> {
              if (command.args().get(0).equals("xdsh")
                  && command.toShell().contains("ls -lR /install/paging")) {
                noderanges.add(command.args().get(1));
              }
            });
    assertThat(observed.resources().values()).noneMatch(o -> o instanceof Observed.Unknown);
    return noderanges;
  }

  /** Probes {@code store} through xdsh, showing {@code commands} each command the EMS runs. */
  private static ObservedState probeWatching(SimStore store, Consumer<Argv> commands) {
    Transport sim = new SimTransport(store);
    Transport watched =
        new Transport() {
          @Override
          public ExecResult exec(HostName host, Argv command, Optional<String> in, Duration t)
              throws TransportException {
            commands.accept(command);
            return sim.exec(host, command, in, t);
          }

          @Override
          public void close() {}
        };
    return new Probe(
            new XdshRelay(watched, EMS),
            EMS,
            Probe.Mode.XDSH,
            Duration.ofMinutes(5),
            SimClusters.secret())
        .observe(DesiredState.of(SimClusters.example()));
  }

  @Test
  void nodesXcatDoesNotDefineAreAbsentAndNeverAsked() {
    // The fresh cluster's EMS defines no compute node yet.
    List<String> noderanges = new ArrayList<>();
    ObservedState observed =
        probeWatching(
            SimClusters.store(Scenario.FRESH),
            command -> {
              if (command.args().get(0).equals("xdsh")) {
                noderanges.add(command.args().get(1));
              }
            });

    assertThat(observed.resources())
        .allSatisfy(
            (id, o) -> {
              if (id.kind() == ResourceKind.NODE && id.key().startsWith("cn")) {
                assertThat(o).as("%s", id).isInstanceOf(Observed.Absent.class);
              }
              if (id.kind() == ResourceKind.RUNNING_NODE || id.kind() == ResourceKind.NODE_HEALTH) {
                assertThat(o).as("%s", id).isInstanceOf(Observed.Absent.class);
              }
            });
    assertThat(noderanges).isNotEmpty().noneMatch(range -> range.contains("cn"));
  }

  @Test
  void pagingFilesOnTheSharedInstallAreListedOnOneSnForAllOfThem() {
    assertThat(pagingListers(SimClusters.store(Scenario.CONVERGED))).containsExactly("sn01");
  }

  @Test
  void anSnWithoutTheSharedInstallMountedListsItsOwnPagingFiles() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    store.transact(
        c -> {
          FaultInjector.inject(c.state(), FaultKind.GPFS_DOWN, "sn03", Optional.empty());
          return null;
        });
    ObservedState observed = probe(store, Probe.Mode.XDSH);

    assertThat(pagingListers(store)).containsExactly("sn01,sn03");
    // sn03 sees its own /install/paging, without GPFS: its nodes' paging files are not there.
    assertThat(observed.resources())
        .allSatisfy(
            (id, o) -> {
              if (id.kind() == ResourceKind.PAGING_FILE) {
                assertThat(o)
                    .as("%s", id)
                    .isInstanceOf(
                        id.host().value().equals("sn03")
                            ? Observed.Absent.class
                            : Observed.Present.class);
              }
            });
  }
}
