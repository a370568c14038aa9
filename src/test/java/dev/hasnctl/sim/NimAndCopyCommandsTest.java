package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimAndCopyCommandsTest {
  private final SimStore store = SimClusters.store(Scenario.CONVERGED);
  private final SimTransport sim = new SimTransport(store);

  private ExecResult run(String host, String line) throws TransportException {
    return sim.exec(HostName.of(host), new Argv(List.of("sh", "-c", line)), Duration.ofSeconds(30));
  }

  @Test
  void xdcpCopiesAnEmsFileToEveryNodeAndNamesTheOnesItCannotReach() throws TransportException {
    run("ems01", "printf %s domain > /tmp/local_domain");
    store.transact(
        c -> {
          FaultInjector.inject(c.state(), FaultKind.DOWN, "sn04", Optional.empty());
          return null;
        });

    ExecResult r = run("ems01", "xdcp sn01,sn04 /tmp/local_domain /etc/nfs/");

    assertThat(r.exitCode()).hasValue(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains("Error: sn04 remote shell had error code: 255");
    assertThat(run("sn01", "cat /etc/nfs/local_domain").stdout()).isEqualTo("domain");
  }

  @Test
  void nimChangeSetsAnAttributeAndRemoveDeletesTheObject() throws TransportException {
    assertThat(run("sn01", "nim -o change -a nfs_vers=3 aix71-compute").exitCode()).hasValue(0);
    assertThat(run("sn01", "lsnim -l aix71-compute").stdout()).contains("   nfs_vers       = 3\n");
    assertThat(run("sn01", "nim -o remove xCATaixHFIdd").exitCode()).hasValue(0);
    assertThat(run("sn01", "lsnim -l xCATaixHFIdd").stderr())
        .contains("there is no NIM object named");
    assertThat(run("sn01", "nim -o bos_inst cn0001").exitCode()).hasValue(127);
  }

  @Test
  void rmnimimageOnServiceNodesKeepsResourcesStillAllocatedAndTheLppSourceWithoutDelete()
      throws TransportException {
    run("sn01", "nim -o change -a paging=aix71-compute_paging cn0001");

    ExecResult r = run("ems01", "rmnimimage -V -f -s sn01 aix71-compute");

    // aixinstall.pm: an allocated resource is an informational line, not an error
    assertThat(r.exitCode()).hasValue(0);
    assertThat(r.stdout())
        .contains(
            "sn01: The resource named 'aix71-compute_paging' is currently allocated. It will not"
                + " be removed.")
        .contains("sn01: Removed the NIM resource named 'aix71-compute_shared_root'.");
    assertThat(run("sn01", "lsnim -t lpp_source").stdout()).contains("aix71-compute_lpp_source");
    assertThat(run("sn01", "lsnim -t shared_root").stdout())
        .doesNotContain("aix71-compute_shared_root");
    assertThat(run("sn02", "lsnim -t shared_root").stdout()).contains("aix71-compute_shared_root");
  }

  @Test
  void rmnimimageRemovesTheLppSourceOnlyWithDelete() throws TransportException {
    ExecResult r = run("ems01", "rmnimimage -V -f -d -s sn01 aix71-compute");

    assertThat(r.exitCode()).hasValue(0);
    assertThat(run("sn01", "lsnim -t lpp_source").stdout())
        .doesNotContain("aix71-compute_lpp_source");
  }

  @Test
  void rmnimimageOfAnUnknownImageSaysSoAsXcatDoes() throws TransportException {
    ExecResult r = run("ems01", "rmnimimage -s sn01 nosuchimage");

    assertThat(r.exitCode()).hasValue(1);
    assertThat(r.stderr()).isEqualTo("Error: 'nosuchimage' is not a valid xCAT image name.\n");
  }
}
