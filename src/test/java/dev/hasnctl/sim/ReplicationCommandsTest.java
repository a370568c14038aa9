package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** chnfs -R and exportfs: replicas need replication, which changes only with nothing exported. */
class ReplicationCommandsTest {
  private static final String EXPORTS =
      """
      /install -replicas=/install@20.10.12.1:/install@20.10.12.17,vers=4,rw,root=*
      /export -vers=4,rw
      """;

  private static ExecResult run(SimStore store, String host, String program, String... args)
      throws Exception {
    return new SimTransport(store)
        .exec(HostName.of(host), Argv.of(program, args), Duration.ofMinutes(1));
  }

  @Test
  void aReplicaExportIsRefusedUntilReplicationIsOnAndThatNeedsNothingExported() throws Exception {
    SimStore store = SimClusters.store(Scenario.LEGACY);
    store.transact(
        c -> {
          SimHost sn = c.state().host("sn01").orElseThrow();
          sn.files.put("/etc/exports", EXPORTS);
          sn.files.put("/etc/xtab", "/export -vers=4,rw\n");
          return null;
        });

    assertThat(run(store, "sn01", "exportfs", "-a").exitCode()).hasValue(1);
    assertThat(run(store, "sn01", "chnfs", "-R", "on").exitCode()).hasValue(1);
    assertThat(run(store, "sn01", "exportfs", "-ua").exitCode()).hasValue(0);
    assertThat(run(store, "sn01", "chnfs", "-R", "on").exitCode()).hasValue(0);
    assertThat(run(store, "sn01", "exportfs", "-a").exitCode()).hasValue(0);
    assertThat(run(store, "sn01", "exportfs").stdout()).contains("replicas=");
  }
}
