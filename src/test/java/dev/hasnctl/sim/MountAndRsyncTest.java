package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MountAndRsyncTest {
  private final SimState state = new SimState();
  private final SimHost sn = state.add(SimHost.of("sn01", Role.SERVICE_NODE));
  private final SimCluster cluster = new SimCluster(state, SimCommands.standard());

  private ExecResult run(String line) {
    return cluster.execShell(HostName.of("sn01"), line, Optional.empty());
  }

  private void gpfsAt(String mountPoint) {
    sn.gpfs = new Gpfs();
    sn.gpfs.cluster = "gpfs1";
    sn.gpfs.filesystems.put("installfs", Gpfs.Filesystem.of(mountPoint, "1M", false));
  }

  private void file(String path, String content, long mtime) {
    sn.files.put(path, content);
    sn.mtimes.put(path, mtime);
  }

  @Test
  void mountingGpfsOverTheLocalInstallHidesItUntilUnmounted() {
    gpfsAt("/install");
    file("/install/postscripts/site_env", "local\n", 5);

    run("mmstartup");
    ExecResult whileMounted = run("ls /install");
    run("mkdir /install/statelite_data");
    run("mmumount installfs");
    ExecResult afterwards = run("cat /install/postscripts/site_env");
    ExecResult listed = run("ls /install");

    assertThat(whileMounted.stdout()).isEmpty();
    assertThat(afterwards.stdout()).isEqualTo("local\n");
    assertThat(listed.stdout()).isEqualTo("postscripts\n");
    assertThat(HostFiles.mtime(sn, "/install/postscripts/site_env")).isEqualTo(5);
  }

  @Test
  void whatWasWrittenOnGpfsComesBackWithTheNextMount() {
    gpfsAt("/install-gpfs");
    sn.dirs.add("/install-gpfs");

    run("mmstartup");
    run("touch /install-gpfs/marker");
    run("mmshutdown");
    ExecResult unmounted = run("ls /install-gpfs");
    run("mmstartup");
    ExecResult mountedAgain = run("ls /install-gpfs");

    assertThat(unmounted.stdout()).isEmpty();
    assertThat(mountedAgain.stdout()).isEqualTo("marker\n");
  }

  @Test
  void whatOneSnWritesToTheSharedGpfsEverySnThatMountsItSees() {
    SimHost other = state.add(SimHost.of("sn02", Role.SERVICE_NODE));
    gpfsAt("/install-gpfs");
    other.gpfs = new Gpfs();
    other.gpfs.cluster = "gpfs1";
    other.gpfs.filesystems.put("installfs", Gpfs.Filesystem.of("/install", "1M", false));
    other.files.put("/install/postscripts/local-only", "sn02's own\n");

    run("mmstartup");
    run("mkdir /install-gpfs/statelite_data");
    run("touch /install-gpfs/statelite_data/f");
    cluster.execShell(HostName.of("sn02"), "mmstartup", Optional.empty());
    ExecResult seen = cluster.execShell(HostName.of("sn02"), "ls /install", Optional.empty());
    cluster.execShell(HostName.of("sn02"), "rm /install/statelite_data/f", Optional.empty());
    ExecResult afterRemoval = run("ls /install-gpfs/statelite_data");

    assertThat(seen.stdout()).isEqualTo("statelite_data\n");
    assertThat(afterRemoval.stdout()).isEmpty();
    assertThat(other.files).doesNotContainKey("/install/postscripts/local-only");
    assertThat(other.covered.get("/install").files).containsKey("/postscripts/local-only");
  }

  @Test
  void mmchfsMovesTheSharedMountPointForEveryMemberAtTheNextMount() {
    SimHost other = state.add(SimHost.of("sn02", Role.SERVICE_NODE));
    gpfsAt("/install-gpfs");
    other.gpfs = new Gpfs();
    other.gpfs.cluster = "gpfs1";
    other.gpfs.filesystems.put("installfs", Gpfs.Filesystem.of("/install-gpfs", "1M", false));
    file("/install/postscripts/site_env", "local\n", 1);
    run("mmstartup");
    run("touch /install-gpfs/shared");

    ExecResult refused = run("mmchfs /dev/installfs -T /install");
    run("mmshutdown");
    ExecResult changed = run("mmchfs /dev/installfs -T /install");
    run("mmstartup");

    assertThat(refused.exitCode()).hasValue(1);
    assertThat(changed.exitCode()).hasValue(0);
    assertThat(other.gpfs.filesystems.get("installfs").mountPoint).isEqualTo("/install");
    assertThat(run("ls /install").stdout()).isEqualTo("shared\n");
    assertThat(sn.covered.get("/install").files).containsKey("/postscripts/site_env");
  }

  @Test
  void rsyncWithATrailingSlashCopiesTheContentsKeepingTimesUnderArchive() {
    file("/install/postscripts/site_env", "env\n", 7);
    file("/install/postscripts/sub/deep", "deep\n", 8);
    sn.dirs.add("/install-gpfs");

    ExecResult contents = run("rsync -a /install/postscripts/ /install-gpfs/postscripts");
    ExecResult directory = run("rsync -a /install/postscripts /install-gpfs/copy");

    assertThat(directory.exitCode()).hasValue(0);
    assertThat(contents.exitCode()).hasValue(0);
    assertThat(contents.stdout() + contents.stderr()).isEmpty();
    assertThat(sn.file("/install-gpfs/postscripts/site_env")).hasValue("env\n");
    assertThat(sn.file("/install-gpfs/postscripts/sub/deep")).hasValue("deep\n");
    assertThat(HostFiles.mtime(sn, "/install-gpfs/postscripts/sub/deep")).isEqualTo(8);
    assertThat(sn.file("/install-gpfs/copy/postscripts/site_env")).hasValue("env\n");
  }

  @Test
  void rsyncUpdateKeepsANewerDestinationFileAndReplacesAnOlderOne() {
    file("/a/newer-here", "old source\n", 10);
    file("/a/older-here", "new source\n", 30);
    file("/b/newer-here", "newest\n", 20);
    file("/b/older-here", "stale\n", 5);

    run("rsync -au /a/ /b");

    assertThat(sn.file("/b/newer-here")).hasValue("newest\n");
    assertThat(sn.file("/b/older-here")).hasValue("new source\n");
    assertThat(HostFiles.mtime(sn, "/b/older-here")).isEqualTo(30);
  }

  @Test
  void rsyncWithoutUpdateOverwritesANewerDestinationFile() {
    file("/a/f", "source\n", 10);
    file("/b/f", "newer\n", 20);

    run("rsync -a /a/ /b");

    assertThat(sn.file("/b/f")).hasValue("source\n");
  }

  @Test
  void rsyncWithoutTimesStampsTheCopyNow() {
    file("/a/f", "source\n", 3);
    sn.dirs.add("/b");

    run("rsync -r /a/ /b");

    assertThat(HostFiles.mtime(sn, "/b/f")).isEqualTo(state.clock);
  }

  @Test
  void rsyncSkipsADirectoryWithoutRecursionAndReportsAMissingSource() {
    file("/a/f", "x\n", 1);
    sn.dirs.add("/b");

    ExecResult skipped = run("rsync -u /a /b");
    ExecResult missing = run("rsync -a /nope /b");

    assertThat(skipped.stdout()).isEqualTo("skipping directory a\n");
    assertThat(sn.file("/b/a/f")).isEmpty();
    assertThat(missing.exitCode()).hasValue(23);
    assertThat(missing.stderr())
        .isEqualTo(
            "rsync: link_stat \"/nope\" failed: No such file or directory (2)\n"
                + "rsync error: some files/attrs were not transferred (see previous errors)"
                + " (code 23)\n");
  }

  @Test
  void rsyncRefusesWhatItDoesNotModel() {
    file("/a/f", "x\n", 1);

    assertThat(run("rsync -av /a/ /b").exitCode()).hasValue(127);
    assertThat(run("rsync -a --delete /a/ /b").exitCode()).hasValue(127);
    assertThat(run("rsync -a /a/ sn02:/b").exitCode()).hasValue(127);
    assertThat(run("rsync -a /a/ /no/such/b").exitCode()).hasValue(11);
  }

  @Test
  void mvKeepsTheModificationTimeAndPlainCpStampsTheCopy() {
    state.clock = 100;
    file("/a/f", "x\n", 4);
    sn.dirs.add("/b");

    run("cp -p /a/f /b/kept");
    run("cp /a/f /b/now");
    run("mv /a/f /b/moved");

    assertThat(HostFiles.mtime(sn, "/b/kept")).isEqualTo(4);
    assertThat(HostFiles.mtime(sn, "/b/moved")).isEqualTo(4);
    assertThat(HostFiles.mtime(sn, "/b/now")).isGreaterThan(100);
  }
}
