package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.XdshRelay;
import dev.hasnctl.transport.local.LocalTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** When the EMS cannot answer, or answers badly: one clear reason, nothing guessed. */
class EmsProbeTest {
  private static final HostName EMS = HostName.of("ems01");
  private final DesiredState desired = DesiredState.of(SimClusters.example());

  private ObservedState probe(Transport transport) {
    return new Probe(transport, EMS, Probe.Mode.XDSH, Duration.ofMinutes(1)).observe(desired);
  }

  @Test
  void anEmsRefusingTheConnectionMakesEverythingUnknownWithOneAttemptPerBatchRunAtOnce() {
    List<HostName> asked = java.util.Collections.synchronizedList(new ArrayList<>());
    Transport refusing =
        new Fake(
            (host, command) -> {
              asked.add(host);
              throw new TransportException(
                  TransportException.Layer.CONNECT, host, "Connection refused");
            });

    ObservedState observed = probe(refusing);

    // The EMS's script and the SNs' xdsh start together; nothing is tried per host, nor after.
    assertThat(asked).containsExactly(EMS, EMS);
    assertThat(observed.resources()).hasSameSizeAs(desired.resources());
    assertThat(observed.resources().values())
        .allSatisfy(
            o ->
                assertThat(o)
                    .isInstanceOfSatisfying(
                        Observed.Unknown.class,
                        u ->
                            assertThat(u.reason())
                                .isEqualTo("ems01 unreachable: ems01: Connection refused")));
  }

  @Test
  void aMachineWithoutXcatIsNotAnEms() {
    try (LocalTransport here = new LocalTransport(EMS, Map.of("PATH", "/usr/bin:/bin"))) {
      ObservedState observed = probe(here);

      assertThat(observed.resources().values())
          .allSatisfy(
              o ->
                  assertThat(o)
                      .isInstanceOfSatisfying(
                          Observed.Unknown.class,
                          u ->
                              assertThat(u.reason())
                                  .startsWith("ems01 is not an xCAT EMS (")
                                  .contains("tabdump")
                                  .contains("not found")));
    }
  }

  @Test
  void ifixesOfAnEmsWhoseListingFailedAreUnknownNotMissing() {
    Transport sim = new XdshRelay(new SimTransport(SimClusters.store(Scenario.CONVERGED)), EMS);
    Transport emgrFails =
        new Rewriting(
            sim,
            script ->
                script.replace(
                    Argv.of("emgr", "-l").toShell(),
                    Argv.of("cat", "/var/adm/emgr/efix.db").toShell()));

    ObservedState observed = probe(emgrFails);

    ResourceId ifix = new ResourceId(EMS, ResourceKind.SOFTWARE, "ifix:IV27038");
    assertThat(observed.resources().get(ifix))
        .isInstanceOfSatisfying(
            Observed.Unknown.class,
            u -> assertThat(u.reason()).contains("emgr failed").contains("/var/adm/emgr/efix.db"));
    assertThat(probe(sim).resources().get(ifix)).isInstanceOf(Observed.Present.class);
  }

  private interface Answer {
    ExecResult exec(HostName host, Argv command) throws TransportException;
  }

  private record Fake(Answer answer) implements Transport {
    @Override
    public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
        throws TransportException {
      return answer.exec(host, command);
    }

    @Override
    public void close() {}
  }

  /** The EMS's probe script, changed on its way: a command of it fails as a real one might. */
  private record Rewriting(Transport inner, UnaryOperator<String> edit) implements Transport {
    @Override
    public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
        throws TransportException {
      List<String> args = new ArrayList<>(command.args());
      if (host.equals(EMS) && args.size() == 3 && args.get(0).equals("sh")) {
        args.set(2, edit.apply(args.get(2)));
      }
      return inner.exec(host, new Argv(args), stdin, timeout);
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
