package dev.hasnctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.SimCluster;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.transport.ExecResult;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalInstallTest {
  private final SimState state = ScenarioBuilder.build(ScenarioTest.example(), Scenario.LEGACY);
  private final SimCluster cluster = new SimCluster(state, SimCommands.standard());

  LocalInstallTest() throws IOException {}

  private ExecResult run(String host, String line) {
    return cluster.execShell(HostName.of(host), line, Optional.empty());
  }

  @Test
  void everyLegacySnHoldsTheXcatDirectoriesSiteFilesAndNim() {
    for (String sn : new String[] {"sn01", "sn02", "sn03", "sn04"}) {
      ExecResult top = run(sn, "ls /install");

      assertThat(top.stdout())
          .as(sn)
          .isEqualTo("apps\ncustom\nlocal\nnim\npost\npostscripts\nprescripts\nstatelite_data\n");
      assertThat(run(sn, "cat /install/local/serviceinfo").stdout())
          .isEqualTo("site notes kept on " + sn + "\n");
    }
    assertThat(run("sn01", "cat /install/postscripts/setupnfsv4replication").stdout())
        .isEqualTo(
            state.hosts.get("ems01").file("/install/postscripts/setupnfsv4replication").get());
  }

  @Test
  void eachNodesStateliteDataLiesOnItsSnAndSomeOnItsPartnerOlder() {
    String path = "/install/statelite_data/cn0001/var/adm/ras/errlog";
    SimHost serving = state.hosts.get("sn01");
    SimHost partner = state.hosts.get("sn02");

    assertThat(serving.file(path)).hasValue("errlog of cn0001 written on sn01 at -1\n");
    assertThat(partner.file(path)).hasValue("stale errlog of cn0001 on sn02\n");
    assertThat(HostFiles.mtime(partner, path)).isLessThan(HostFiles.mtime(serving, path));
    assertThat(partner.file("/install/statelite_data/cn0002/var/adm/ras/errlog")).isEmpty();
  }

  @Test
  void runningNodesKeepWritingTheirStateliteDataOnTheirSnUntilShutDown() {
    String path = "/install/statelite_data/cn0129/var/adm/ras/errlog";

    run("sn02", "hostname");
    long first = state.clock;
    String written = run("sn02", "cat " + path).stdout();

    assertThat(written).isEqualTo("errlog of cn0129 written on sn02 at " + first + "\n");
    assertThat(HostFiles.mtime(state.hosts.get("sn02"), path)).isGreaterThan(first);
  }

  @Test
  void mountingGpfsOverTheLegacyInstallHidesItsContent() {
    run("sn01", "mmstartup");

    assertThat(run("sn01", "ls /install").stdout()).isEmpty();
    run("sn01", "mmshutdown");
    assertThat(run("sn01", "ls /install/statelite_data/cn0001/var/adm/ras").stdout())
        .isEqualTo("errlog\n");
  }
}
