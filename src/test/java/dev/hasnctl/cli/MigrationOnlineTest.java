package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Noderange;
import dev.hasnctl.plan.Phase;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import dev.hasnctl.plan.Step;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration's online preparation on the simulated legacy cluster, through the CLI: apply copies
 * the local /install into GPFS at the temporary mount point while the nodes keep running, and holds
 * the switch of /install.
 */
class MigrationOnlineTest {
  private static final List<String> SNS = List.of("sn01", "sn02", "sn03", "sn04");
  private static final List<String> XCAT_DIRS =
      List.of("custom", "post", "prescripts", "postscripts");
  private static final String ERRLOG = "/var/adm/ras/errlog";

  @TempDir Path dir;

  private Path spec;
  private Path state;

  @BeforeEach
  void legacyCluster() throws Exception {
    spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    state = dir.resolve("legacy.json");
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "legacy");
  }

  private SimState cluster() {
    return SimStore.open(state).snapshot();
  }

  private Plan savedPlan() throws Exception {
    Path saved = dir.resolve("plan-" + System.nanoTime() + ".json");
    CliRun plan =
        CliRun.of("plan", spec.toString(), "--target", "sim:" + state, "--out", saved.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    return PlanJson.read(Files.readString(saved));
  }

  private static Step step(Plan plan, String id) {
    return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void thePlanMountsGpfsBesideTheLiveInstallAndCopiesStateliteOneSnAtATime() throws Exception {
    Plan plan = savedPlan();

    assertThat(step(plan, "sn01/migration/mount-point").command().toShell())
        .isEqualTo("mmchfs /dev/gpfsinstall -T /install-gpfs");
    assertThat(step(plan, "sn01/migration/first-xcat-dirs").command().toShell())
        .isEqualTo(
            "rsync -au /install/custom /install/post /install/prescripts /install/postscripts"
                + " /install/apps /install-gpfs");
    // Each SN's own directory (the example's local) goes to local/SN, with its statelite data.
    assertThat(step(plan, "sn02/migration/first-statelite").command().toShell())
        .contains("mkdir -p /install-gpfs/local/sn02")
        .contains("rsync -au /install/local/ /install-gpfs/local/sn02");
    assertThat(step(plan, "sn02/migration/first-statelite").after())
        .contains("sn01/migration/first-statelite");
    assertThat(step(plan, "sn03/migration/first-statelite").after())
        .contains("sn02/migration/first-statelite");
    assertThat(step(plan, "sn04/migration/first-statelite").after())
        .contains("sn03/migration/first-statelite");
    for (String sn : SNS) {
      assertThat(step(plan, sn + "/migration/first-statelite").isHeld()).isFalse();
      assertThat(step(plan, sn + "/migration/mount").command().toShell())
          .contains("mmmount /dev/gpfsinstall")
          .doesNotContain("exportfs", "stopsrc");
      Step switchToGpfs = step(plan, sn + "/gpfs");
      assertThat(switchToGpfs.hold())
          .hasValueSatisfying(h -> assertThat(h.reason()).startsWith("waits for held step"));
    }
    // The migration never copies NIM's own tree (the TEAL spot's files on the EMS are NIM's own).
    assertThat(plan.steps())
        .filteredOn(s -> s.phase() == Phase.MIGRATION_ONLINE)
        .isNotEmpty()
        .noneMatch(s -> s.command().toShell().contains("/install/nim"));
  }

  @Test
  void applyCopiesEveryNodesNewestStateliteAndTheXcatDirsAndHoldsTheSwitch() throws Exception {
    CliRun apply =
        CliRun.of("apply", spec.toString(), "--target", "sim:" + state, "--auto-approve");

    assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCodes.HELD);
    assertThat(apply.out())
        .contains(
            "held ems/migration/shutdown: the migration's outage: switches the SNs' /install from"
                + " their local filesystems to the shared GPFS and shuts down the 512 running nodes"
                + " that use them (cn[0001-0512])");
    SimState after = cluster();
    assertThat(after.hosts.values()).allSatisfy(h -> assertThat(h.hung).as(h.name).isEmpty());
    SimHost sn01 = after.hosts.get("sn01");
    for (String sn : SNS) {
      SimHost host = after.hosts.get(sn);
      for (String xcat : XCAT_DIRS) {
        List<String> files =
            sn01.files.keySet().stream()
                .filter(p -> p.startsWith("/install/" + xcat + "/"))
                .toList();
        assertThat(files).as(xcat).isNotEmpty();
        files.forEach(
            p ->
                assertThat(host.file("/install-gpfs" + p.substring("/install".length())))
                    .as(sn + " " + p)
                    .isEqualTo(sn01.file(p)));
      }
      assertThat(HostFiles.exists(host, "/install-gpfs/nim")).as(sn).isFalse();
      // The local /install is still there, not hidden: the nodes keep using it.
      assertThat(HostFiles.exists(host, "/install/nim")).as(sn).isTrue();
    }
    for (ComputeGroup group :
        SpecLoader.load(Files.readAllBytes(spec), spec.toString()).spec().orElseThrow().groups()) {
      String serving = group.activeServiceNode().shortName();
      for (String node : Noderange.expand(group.nodes())) {
        assertThat(after.hosts.get("sn04").file("/install-gpfs/statelite_data/" + node + ERRLOG))
            .as(node)
            .hasValueSatisfying(
                c -> assertThat(c).startsWith("errlog of " + node + " written on " + serving));
      }
    }
    String journal = after.hosts.get("ems01").files.get("/var/lib/hasnctl/journal.jsonl");
    assertThat(journal).contains("\"step\":\"sn04/migration/first-statelite\"");
  }

  @Test
  void theSpecNamesTheTemporaryMountPointAndMoreDirectoriesToCopy() throws Exception {
    String example = Files.readString(spec);
    String line =
        "  pagingReplicated: false              # GPFS replication off for paging files\n";
    assertThat(example).contains(line);
    Files.writeString(
        spec,
        example
            .replace(line, line + "  migrationMountPoint: /gpfs-staging\n")
            .replace("migrationDirs: [apps]", "migrationDirs: [site]"));

    Plan plan = savedPlan();

    assertThat(step(plan, "sn01/migration/mount-point").command().toShell())
        .isEqualTo("mmchfs /dev/gpfsinstall -T /gpfs-staging");
    assertThat(step(plan, "sn01/migration/first-statelite-dir").command().toShell())
        .isEqualTo("mkdir -p /gpfs-staging/statelite_data");
    assertThat(step(plan, "sn01/migration/first-xcat-dirs").command().toShell())
        .endsWith("/install/postscripts /install/site /gpfs-staging");
  }

  @Test
  void gpfsMountedElsewhereThanTheTemporaryPointStopsThePlanWithWhatToDo() {
    CliRun.of("sim", "exec", state.toString(), "sn01", "--", "mmchfs /dev/gpfsinstall -T /scratch");
    CliRun.of("sim", "exec", state.toString(), "sn02", "--", "mmstartup");

    CliRun plan = CliRun.of("plan", spec.toString(), "--target", "sim:" + state);

    assertThat(plan.exitCode()).isNotZero();
    assertThat(plan.err())
        .contains("sn02 mounts /dev/gpfsinstall at /scratch")
        .contains("unmount it there (mmumount /dev/gpfsinstall)");
  }

  @Test
  void aFreshClusterHasNothingToMigrate() throws Exception {
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "fresh");

    assertThat(savedPlan().steps()).noneMatch(s -> s.id().contains("/migration/"));
  }

  @Test
  void onceGpfsIsAtTheTemporaryPointWhatIsLeftIsTheHeldOutageWithItsFinalCopies() throws Exception {
    CliRun.of("apply", spec.toString(), "--target", "sim:" + state, "--auto-approve");

    Plan again = savedPlan();

    assertThat(again.steps()).noneMatch(s -> s.id().endsWith("/migration/mount-point"));
    assertThat(again.steps()).noneMatch(s -> s.id().endsWith("/migration/mount"));
    assertThat(again.steps()).noneMatch(s -> s.id().contains("/migration/first-"));
    assertThat(step(again, "ems/migration/shutdown").hold())
        .hasValueSatisfying(
            h -> {
              assertThat(h.reason()).contains("migration's outage");
              assertThat(h.nodes()).isEqualTo("cn[0001-0512]");
            });
    Step finalCopy = step(again, "sn02/migration/final-statelite");
    assertThat(finalCopy.after()).contains("sn01/migration/final-statelite");
    assertThat(step(again, "sn02/gpfs").after()).contains("sn01/migration/switch");
    assertThat(step(again, "sn01/migration/switch").after())
        .contains("sn01/migration/unmount", "sn04/migration/unmount");
    assertThat(again.steps()).allSatisfy(s -> assertThat(s.isHeld()).as(s.id()).isTrue());
  }
}
