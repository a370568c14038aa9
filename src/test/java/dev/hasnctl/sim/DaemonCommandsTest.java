package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonCommandsTest {
  private final SimState state = new SimState();
  private final SimHost sn = state.add(SimHost.of("sn01", Role.SERVICE_NODE));
  private final SimCluster cluster = new SimCluster(state, SimCommands.standard());

  private ExecResult run(String line) {
    return cluster.execShell(HostName.of("sn01"), line, Optional.empty());
  }

  private void gpfs(boolean active) {
    sn.gpfs = new Gpfs();
    sn.gpfs.cluster = "gpfs1";
    sn.gpfs.active = active;
    sn.gpfs.filesystems.put("installfs", Gpfs.Filesystem.of("/install", "1M", false));
  }

  @Test
  void mmmountMountsOnlyWhenGpfsIsActive() {
    gpfs(false);

    ExecResult refused = run("mmmount installfs");
    sn.gpfs.active = true;
    ExecResult mounted = run("mmmount /dev/installfs");

    assertThat(refused.exitCode()).hasValue(1);
    assertThat(mounted.stdout()).endsWith(": mmmount: Mounting file systems ...\n");
    assertThat(sn.gpfsServes("/install")).isTrue();
  }

  @Test
  void mmmountOfAnUnknownFilesystemOrOffGpfsFails() {
    assertThat(run("mmmount installfs").stderr()).contains("does not belong to a GPFS cluster");
    gpfs(true);
    assertThat(run("mmmount other").stderr()).contains("other is not known");
  }

  @Test
  void restartxcatdStopsAndStartsTheSubsystemLikeTheRealScript() {
    sn.subsystems.put("xcatd", Subsystem.of("", 0));

    ExecResult r = run("restartxcatd");

    assertThat(r.exitCode()).hasValue(0);
    assertThat(sn.isActive("xcatd")).isTrue();
    assertThat(r.stdout()).contains("xcatd");
  }

  @Test
  void touchCreatesAnEmptyFileAndKeepsAnExistingOne() {
    sn.files.put("/etc/exports", "/install -vers=4\n");

    run("touch /etc/exports /etc/new");

    assertThat(sn.files)
        .containsEntry("/etc/exports", "/install -vers=4\n")
        .containsEntry("/etc/new", "");
  }
}
