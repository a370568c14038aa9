package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, through the whole CLI: plan, apply, plan again on the simulator. */
class PlanApplyCommandTest {
  @TempDir Path dir;

  private Path spec;
  private String target;

  @BeforeEach
  void copyTheExample() throws Exception {
    spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    target = "sim:" + dir.resolve("c.json");
  }

  private long hungNodes(Path state) {
    return dev.hasnctl.sim.SimStore.open(state)
        .snapshot()
        .hostsWith(dev.hasnctl.sim.Role.COMPUTE)
        .stream()
        .filter(h -> !h.hung.isEmpty())
        .count();
  }

  @Test
  void onALegacyClusterApplyHoldsTheMigrationsOutageRunsTheRestAndExits4() throws Exception {
    Path state = dir.resolve("legacy.json");
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "legacy");

    CliRun apply =
        CliRun.of("apply", spec.toString(), "--target", "sim:" + state, "--auto-approve");

    assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCodes.HELD);
    assertThat(apply.out())
        .contains(
            "HELD: the migration's outage: switches the SNs' /install from their local"
                + " filesystems to the shared GPFS and shuts down the 512 running nodes that use"
                + " them (cn[0001-0512]); apply starts it only with --outage")
        .containsPattern("Apply ran \\d+ steps and held \\d+ to protect running nodes")
        .contains("  held ems/migration/shutdown: the migration's outage")
        .contains("hasnctl plan SPEC --outage");
    assertThat(hungNodes(state)).isZero();
    // The journal is the cluster's: a file of the simulated EMS.
    String journal =
        dev.hasnctl.sim.SimStore.open(state)
            .snapshot()
            .host("ems01")
            .orElseThrow()
            .files
            .get("/var/lib/hasnctl/journal.jsonl");
    assertThat(journal)
        .contains("\"step\":\"ems/migration/shutdown\",\"event\":\"held\"")
        .doesNotContain("\"event\":\"intent\",\"step\":\"ems/migration/shutdown\"")
        .doesNotContain("\"event\":\"intent\",\"step\":\"sn01/exports/install\"");

    CliRun again = CliRun.of("plan", spec.toString(), "--target", "sim:" + state, "--no-color");
    assertThat(again.out())
        .contains("HELD: the migration's outage")
        .contains("steps are HELD to protect running nodes");
  }

  @Test
  void aSavedPlanKeepsItsHoldsAndAnAllowanceLiftsThemForItsNodesOnly() throws Exception {
    Path state = dir.resolve("converged.json");
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "converged");
    // sn02's and sn04's NFS are down: sn01 and sn03 serve their pairs' nodes with no replica left,
    // and a copy of a NIM resource on each of them is found at NFS version 3.
    for (String[] fault : new String[][] {{"sn02", "sn01"}, {"sn04", "sn03"}}) {
      CliRun.of("sim", "fault", state.toString(), "nfsd-stop", fault[0]);
      CliRun.of(
          "sim",
          "exec",
          state.toString(),
          fault[1],
          "--",
          "nim",
          "-o",
          "change",
          "-a",
          "nfs_vers=3",
          "aix71-compute_shared_root");
    }
    Path saved = dir.resolve("plan.json");

    CliRun plan =
        CliRun.of("plan", spec.toString(), "--target", "sim:" + state, "--out", saved.toString());
    CliRun allowed =
        CliRun.of(
            "plan",
            spec.toString(),
            "--target",
            "sim:" + state,
            "--no-color",
            "--allow-disruption",
            "cn[0001-0256]");

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    dev.hasnctl.plan.Plan read = dev.hasnctl.plan.PlanJson.read(Files.readString(saved));
    assertThat(read.held())
        .extracting(step -> step.id())
        .contains("sn01/nim/aix71-compute/nfs_vers", "sn03/nim/aix71-compute/nfs_vers");
    assertThat(allowed.out())
        .doesNotContain("HELD: interrupts NFS on sn01")
        .contains("HELD: interrupts NFS on sn03");
    CliRun bad =
        CliRun.of(
            "plan", spec.toString(), "--target", "sim:" + state, "--allow-disruption", "cn[9-");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("--allow-disruption");
  }

  @Test
  void planApplyPlanEndsWithNoChanges() {
    CliRun plan = CliRun.of("plan", spec.toString(), "--target", target, "--detailed-exitcode");
    CliRun apply = CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve");
    CliRun again = CliRun.of("plan", spec.toString(), "--target", target, "--detailed-exitcode");

    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.err()).contains("created the simulated cluster");
    assertThat(plan.out())
        .contains("~ site useNFSv4onAIX")
        .containsPattern("Plan: \\d+ to add, \\d+ to change, 0 to destroy.");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out()).containsPattern("Apply complete: \\d+ steps run and verified.");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEqualTo("No changes. The cluster matches " + spec + ".\n");
  }

  @Test
  void aSavedPlanAppliesAndIsRefusedOnceTheClusterChanged() throws Exception {
    Path saved = dir.resolve("plan.json");
    CliRun plan =
        CliRun.of(
            "plan",
            spec.toString(),
            "--target",
            target,
            "--out",
            saved.toString(),
            "--format",
            "json");
    CliRun.of("sim", "fault", dir.resolve("c.json").toString(), "nfsd-stop", "sn01");

    CliRun stale = CliRun.of("apply", saved.toString(), "--target", target, "--auto-approve");

    assertThat(plan.exitCode()).isZero();
    assertThat(Files.readString(saved)).startsWith("{").contains("\"formatVersion\" : 1");
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.err()).contains("is stale");
  }

  @Test
  void aSavedPlanAppliesToItsOwnTargetFromAnywhereWithoutAskingAgain() throws Exception {
    Path saved = dir.resolve("plan.json");
    CliRun.of("plan", spec.toString(), "--target", target, "--out", saved.toString());
    Path elsewhere = Files.createDirectories(dir.resolve("review")).resolve("approved.json");
    Files.move(saved, elsewhere);

    // No --target, no --auto-approve, nothing on standard input.
    CliRun apply = CliRun.of("apply", elsewhere.toString());

    assertThat(Files.readString(elsewhere))
        .contains("\"specPath\" : \"" + spec.toAbsolutePath() + "\"")
        .contains("\"target\" : \"sim:" + dir.resolve("c.json").toAbsolutePath() + "\"")
        .containsPattern("\"specSha256\" : \"[0-9a-f]{64}\"");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.out())
        .contains("Applying the saved plan " + elsewhere)
        .doesNotContain("Only 'yes' will be accepted");
    assertThat(CliRun.of("plan", spec.toString(), "--target", target).out())
        .startsWith("No changes.");
  }

  @Test
  void aStaleSavedPlanSaysWhetherTheSpecOrTheClusterChanged() throws Exception {
    Path saved = dir.resolve("plan.json");
    CliRun.of("plan", spec.toString(), "--target", target, "--out", saved.toString());
    CliRun.of("sim", "fault", dir.resolve("c.json").toString(), "nfsd-stop", "sn01");
    CliRun clusterChanged = CliRun.of("apply", saved.toString());
    CliRun.of("plan", spec.toString(), "--target", target, "--out", saved.toString());
    Files.writeString(spec, Files.readString(spec) + "# reviewed\n");
    CliRun specChanged = CliRun.of("apply", saved.toString());

    assertThat(clusterChanged.exitCode()).isEqualTo(1);
    assertThat(clusterChanged.err())
        .contains("is stale: the cluster sim:")
        .contains("changed since it was planned (the spec did not)");
    assertThat(specChanged.exitCode()).isEqualTo(1);
    assertThat(specChanged.err())
        .contains("is stale: the spec " + spec + " changed since it was planned");
  }

  @Test
  void aSavedPlanOfAnUnchangedClusterApplies() {
    Path saved = dir.resolve("plan.json");
    CliRun.of("plan", spec.toString(), "--target", target, "--out", saved.toString());

    CliRun apply = CliRun.of("apply", saved.toString(), "--target", target, "--auto-approve");

    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(CliRun.of("plan", spec.toString(), "--target", target).out())
        .startsWith("No changes.");
  }

  @Test
  void aFailedStepStopsApplyAndResumeFinishesIt() {
    CliRun.of("plan", spec.toString(), "--target", target);
    CliRun.of(
        "sim",
        "fault",
        dir.resolve("c.json").toString(),
        "fail-command",
        "ems01",
        "mkdsklsnode*:1");

    CliRun failed = CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve");
    CliRun.of("sim", "fault", dir.resolve("c.json").toString(), "clear", "ems01");
    CliRun resumed =
        CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve", "--resume");

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err())
        .contains("failed on ems01")
        .contains("command: mkdsklsnode")
        .contains("exit code: 1");
    assertThat(failed.err()).contains("hasnctl apply --resume");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).startsWith("Resuming: ");
    assertThat(CliRun.of("plan", spec.toString(), "--target", target).out())
        .startsWith("No changes.");
  }

  @Test
  void anUnreachableSnIsReportedAsUnknownWithExitThree() {
    CliRun.of("plan", spec.toString(), "--target", target);
    CliRun.of("sim", "fault", dir.resolve("c.json").toString(), "down", "sn03");

    CliRun plan = CliRun.of("plan", spec.toString(), "--target", target);

    assertThat(plan.exitCode()).isEqualTo(3);
    assertThat(plan.out())
        .containsPattern("resources not observed on sn03  \\([^)]*1 inittab")
        .contains("unknown: sn03 unreachable");
  }

  @Test
  void aProbeThatHangsIsUnknownAfterTheProbeTimeoutAndThePlanGoesOn() {
    CliRun.of("plan", spec.toString(), "--target", target);
    // The service nodes are probed with one xdsh from the EMS; it hangs for ten minutes.
    CliRun.of(
        "sim", "fault", dir.resolve("c.json").toString(), "hang-command", "ems01", "xdsh*:600");

    CliRun plan = CliRun.of("plan", spec.toString(), "--target", target);
    CliRun patient =
        CliRun.of("plan", spec.toString(), "--target", target, "--probe-timeout", "900");

    assertThat(plan.exitCode()).isEqualTo(3);
    assertThat(plan.out())
        .contains("timed out after 2m")
        .contains("~ site useNFSv4onAIX")
        .containsPattern("Plan: \\d+ to add");
    assertThat(patient.out()).doesNotContain("timed out");
  }

  @Test
  void markdownIsReadyForAMergeRequest() {
    CliRun plan = CliRun.of("plan", spec.toString(), "--target", target, "--format", "markdown");

    assertThat(plan.out())
        .startsWith("### hasnctl plan for `" + spec + "`")
        .contains("```diff")
        .contains("| # | Host | Command | Why |");
  }

  @Test
  void anInvalidSpecIsRefusedBeforeAnythingIsProbed() throws Exception {
    Files.writeString(
        spec, Files.readString(spec).replace("location: /export/nim", "location: /install/dump"));

    CliRun plan = CliRun.of("plan", spec.toString(), "--target", target);

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains("error[dump-on-gpfs]")
        .contains("nothing was probed or changed");
    assertThat(dir.resolve("c.json")).doesNotExist();
  }
}
