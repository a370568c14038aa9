package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.transport.ExecResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NFS version of an SN's copies of an image's NIM resources (issue 10, item 3): observed with
 * {@code lsnim -a nfs_vers} on each SN, changed there with {@code nim -Fo change}, since {@code
 * mknimimage -u} changes only the NIM primary's.
 */
class NimCopiesTest {
  @TempDir Path dir;

  private String converged() {
    Path state = dir.resolve("c.json");
    CliRun init =
        CliRun.of(
            "sim",
            "init",
            "examples/cluster.yaml",
            "--out",
            state.toString(),
            "--scenario",
            "converged");
    assertThat(init.exitCode()).as(init.err()).isZero();
    return "sim:" + state;
  }

  /** What an admin on {@code host} runs, e.g. by hand. */
  private static ExecResult on(String target, String host, String... argv) throws Exception {
    try (SimTransport sim = new SimTransport(SimStore.open(Path.of(target.substring(4))))) {
      return sim.exec(
          HostName.of(host),
          Argv.of(argv[0], java.util.Arrays.copyOfRange(argv, 1, argv.length)),
          Duration.ofMinutes(1));
    }
  }

  @Test
  void anSnCopyAtNfsVersion3IsConvertedOnThatSnOnly() throws Exception {
    String target = converged();
    on(target, "sn02", "nim", "-o", "change", "-a", "nfs_vers=3", "aix71-compute");

    CliRun plan = CliRun.of("plan", "examples/cluster.yaml", "--target", target);

    assertThat(plan.out())
        .contains("  ~ nim-resources aix71-compute")
        .contains("nfs_vers: \"3,4 (aix71-compute)\" → \"4\"")
        .containsPattern("1 +sn02 +nim -Fo change -a nfs_vers=4 aix71-compute\n")
        .contains("Plan: 0 to add, 1 to change, 0 to destroy.")
        .doesNotContain("mknimimage")
        .doesNotContain("HELD");
  }

  @Test
  void applyConvertsTheCopyAndThePlanIsEmptyAgain() throws Exception {
    String target = converged();
    on(target, "sn03", "nim", "-o", "change", "-a", "nfs_vers=3", "aix71-compute_shared_root");

    CliRun apply =
        CliRun.of("apply", "examples/cluster.yaml", "--target", target, "--auto-approve");
    CliRun plan = CliRun.of("plan", "examples/cluster.yaml", "--target", target);
    ExecResult lsnim = on(target, "sn03", "lsnim", "-a", "nfs_vers", "aix71-compute_shared_root");

    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(plan.out()).startsWith("No changes.");
    assertThat(lsnim.stdout()).containsPattern("nfs_vers += 4\n");
  }

  @Test
  void aCopyRunningNodesUseWithoutAWorkingReplicaIsHeld() throws Exception {
    String target = converged();
    // sn02's NFS is down, so sn01 serves its own nodes and sn02's with no replica left; then a copy
    // on sn01 is found at NFS version 3.
    CliRun.of("sim", "fault", target.substring(4), "nfsd-stop", "sn02");
    on(target, "sn01", "nim", "-o", "change", "-a", "nfs_vers=3", "aix71-compute_shared_root");

    CliRun plan = CliRun.of("plan", "examples/cluster.yaml", "--target", target);

    // NIM re-exports a resource it changes: the nodes would lose it.
    assertThat(plan.out())
        .containsPattern(
            "sn01 +nim -Fo change -a nfs_vers=4 aix71-compute_shared_root\n *# convert sn01's"
                + " copies of image aix71-compute's NIM resources to NFS version 4\n *HELD:"
                + " interrupts NFS on sn01 while 256 running nodes use it with no working replica"
                + " \\(cn\\[0001-0256\\]: nfsd is not active on sn02\\)");
  }
}
