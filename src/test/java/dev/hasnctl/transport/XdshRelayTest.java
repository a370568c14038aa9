package dev.hasnctl.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.FaultInjector;
import dev.hasnctl.sim.FaultKind;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XdshRelayTest {
  private static final HostName EMS = HostName.of("ems01");
  private static final HostName SN = HostName.of("sn01");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final SimStore store = SimClusters.store(Scenario.CONVERGED);
  private final XdshRelay relay = new XdshRelay(new SimTransport(store), EMS);

  @Test
  void aCommandForAnSnComesBackWithoutXdshsPrefix() throws TransportException {
    ExecResult r = relay.exec(SN, Argv.of("cat", "/etc/nfs/local_domain"), TIMEOUT);

    assertThat(r.succeeded()).isTrue();
    assertThat(r.stdout()).isEqualTo("p7hpc.example.com\n");
  }

  @Test
  void theRemoteExitCodeIsTheResultsExitCode() throws TransportException {
    ExecResult r = relay.exec(SN, Argv.of("test", "-f", "/no/such/file"), TIMEOUT);

    assertThat(r.exitCode()).hasValue(1);
  }

  @Test
  void argumentsArriveWordForWordThroughTheRemoteShell() throws TransportException {
    ExecResult r = relay.exec(SN, Argv.of("echo", "a b;c", "$HOME", "it's"), TIMEOUT);

    assertThat(r.stdout()).isEqualTo("a b;c $HOME it's\n");
  }

  @Test
  void anSnThatIsDownIsAConnectFailureNamingIt() {
    store.transact(
        cluster -> {
          FaultInjector.inject(cluster.state(), FaultKind.DOWN, "sn01", Optional.empty());
          return null;
        });

    assertThatThrownBy(() -> relay.exec(SN, Argv.of("hostname"), TIMEOUT))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.layer()).isEqualTo(TransportException.Layer.CONNECT))
        .hasMessageContaining("sn01");
  }

  @Test
  void theEmsItselfIsReachedDirectly() throws TransportException {
    assertThat(relay.exec(EMS, Argv.of("hostname"), TIMEOUT).stdout()).isEqualTo("ems01\n");
  }

  @Test
  void inputForAHostBehindTheEmsIsRefusedNotDropped() {
    assertThatThrownBy(() -> relay.exec(SN, Argv.of("cat"), Optional.of("data"), TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no input");
  }
}
