package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.sim.xcat.SimXcatCluster;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code hasnctl import}: the round trips of issue 17, through the whole command line. */
class ImportCommandTest {
  @TempDir Path dir;

  private String simulate(String scenario, String... more) {
    Path state = dir.resolve(scenario + ".json");
    CliRun init =
        CliRun.of(
            concat(
                new String[] {
                  "sim",
                  "init",
                  "examples/cluster.yaml",
                  "--out",
                  state.toString(),
                  "--scenario",
                  scenario
                },
                more));
    assertThat(init.exitCode()).as(init.err()).isZero();
    return "sim:" + state;
  }

  /**
   * The simulated cluster without the simulator's own bookkeeping, which every command touches,
   * read-only ones too: its logical clock, its empty mkdsklsnode-in-progress record, and xCAT
   * tables a read lists as empty.
   */
  private static JsonNode withoutClock(Path state) throws Exception {
    ObjectNode tree = (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(state));
    tree.remove("clock");
    tree.findParents(SimXcatCluster.IN_PROGRESS).stream()
        .map(ObjectNode.class::cast)
        .filter(files -> files.get(SimXcatCluster.IN_PROGRESS).asString().isEmpty())
        .forEach(files -> files.remove(SimXcatCluster.IN_PROGRESS));
    for (JsonNode tables : tree.findValues("tables")) {
      List<String> empty = new ArrayList<>();
      tables
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isArray() && e.getValue().isEmpty()) {
                  empty.add(e.getKey());
                }
              });
      empty.forEach(((ObjectNode) tables)::remove);
    }
    return tree;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static ClusterSpec load(Path file) throws Exception {
    SpecLoader.Result loaded = SpecLoader.load(Files.readAllBytes(file), file.toString());
    assertThat(loaded.errors()).as(Files.readString(file)).isEmpty();
    return loaded.spec().orElseThrow();
  }

  @Test
  void convergedClusterImportsIntoASpecThatValidatesAndPlansNoChanges() throws Exception {
    String target = simulate("converged");
    Path imported = dir.resolve("imported.yaml");

    CliRun run = CliRun.of("import", "--target", target, "--out", imported.toString());
    CliRun validate = CliRun.of("validate", imported.toString());
    CliRun plan = CliRun.of("plan", imported.toString(), "--target", target, "--detailed-exitcode");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("disagree");
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
    assertThat(plan.exitCode()).as(plan.out() + Files.readString(imported)).isZero();
    assertThat(plan.out()).isEqualTo("No changes. The cluster matches " + imported + ".\n");
  }

  private static java.util.Map<dev.hasnctl.model.ResourceId, dev.hasnctl.model.Resource>
      withoutTeal(DesiredState desired) {
    java.util.Map<dev.hasnctl.model.ResourceId, dev.hasnctl.model.Resource> out =
        new java.util.TreeMap<>(desired.resources());
    // Everything the teal block asks for: client files, the node's connection and levels.
    out.values().removeIf(r -> r.origin().startsWith("/teal"));
    return out;
  }

  @Test
  void convergedImportDescribesTheSameDesiredStateAsTheExample() throws Exception {
    String target = simulate("converged");
    Path imported = dir.resolve("imported.yaml");

    CliRun.of("import", "--target", target, "--out", imported.toString());

    // xCAT's tables in the simulator define no TEAL utility node (util01 is a host there, not a
    // node definition), so the import writes no teal block: what the teal block asks for is
    // left out of the comparison.
    assertThat(withoutTeal(DesiredState.of(load(imported))))
        .isEqualTo(withoutTeal(DesiredState.of(load(Path.of("examples/cluster.yaml")))));
  }

  /** The converged cluster after sn03 died and its nodes were failed over to sn04. */
  private String failedOver(Path spec) throws Exception {
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    String target = simulate("converged");
    String state = target.substring("sim:".length());
    assertThat(CliRun.of("sim", "fault", state, "down", "sn03").exitCode()).isZero();
    CliRun failover =
        CliRun.of(
            "failover",
            "sn03",
            spec.toString(),
            "--target",
            target,
            "--write",
            "--apply",
            "--auto-approve");
    assertThat(failover.out()).as(failover.err()).contains("Apply complete");
    return target;
  }

  @Test
  void afterAFailoverTheImportNamesTheSnTheNodesUseAndPlansAsTheFailoverSpec() throws Exception {
    Path written = dir.resolve("cluster.yaml");
    String target = failedOver(written);
    CliRun.of("sim", "fault", target.substring("sim:".length()), "up", "sn03");
    Path imported = dir.resolve("moved.yaml");

    CliRun run = CliRun.of("import", "--target", target, "--out", imported.toString());
    CliRun plan = CliRun.of("plan", imported.toString(), "--target", target);
    CliRun planWritten = CliRun.of("plan", written.toString(), "--target", target);
    ClusterSpec spec = load(imported);

    assertThat(run.exitCode()).as(run.err()).isZero();
    ComputeGroup moved =
        spec.groups().stream().filter(g -> g.name().equals("sn03group")).findFirst().orElseThrow();
    assertThat(moved.activeServiceNode().value()).isEqualTo("sn04");
    assertThat(moved.standbyServiceNode().value()).isEqualTo("sn03");
    assertThat(moved.paging()).as("the paging files are on the shared /install").isPresent();
    assertThat(run.err()).contains("sn03 serves no compute node now");
    assertThat(Files.readString(imported))
        .contains("write primary: sn03, backup: sn04, active: backup");
    // Back up, sn03 serves its nodes' mounts again (NFSv4 fails back) while xCAT still names
    // sn04: both specs see only that check, nothing to change.
    assertThat(plan.out())
        .contains("Plan: 0 to add, 0 to change, 0 to destroy.")
        .contains("128 nodes served by another SN than the spec's: cn[0257-0384]")
        .doesNotContain("not observed");
    assertThat(planWritten.out().lines().filter(l -> !l.contains(".yaml")).toList())
        .isEqualTo(plan.out().lines().filter(l -> !l.contains(".yaml")).toList());
  }

  @Test
  void aMoveWrittenAsActiveBackupIsTheFailoverSpecAndFailsBack() throws Exception {
    Path written = dir.resolve("cluster.yaml");
    String target = failedOver(written);
    CliRun.of("sim", "fault", target.substring("sim:".length()), "up", "sn03");
    Path imported = dir.resolve("moved.yaml");
    CliRun.of("import", "--target", target, "--out", imported.toString());
    // What the comment above sn03group says to write when snmove moved its nodes from sn03.
    String text = Files.readString(imported);
    int at = text.indexOf("name: sn03group");
    String edited =
        text.substring(0, at)
            + text.substring(at)
                .replaceFirst(
                    "primary: sn04\n    backup: sn03\n",
                    "primary: sn03\n    backup: sn04\n    active: backup\n");
    Files.writeString(imported, edited);
    Set<String> fromImport = meaning(load(imported));
    Set<String> fromFailover = meaning(load(written));
    fromImport.removeAll(meaning(load(written)));
    fromFailover.removeAll(meaning(load(imported)));

    CliRun plan = CliRun.of("plan", imported.toString(), "--target", target);
    CliRun failback =
        CliRun.of(
            "failback",
            "sn03",
            imported.toString(),
            "--target",
            target,
            "--write",
            "--apply",
            "--auto-approve");
    CliRun after =
        CliRun.of("plan", imported.toString(), "--target", target, "--detailed-exitcode");

    assertThat(edited).isNotEqualTo(text);
    assertThat(fromImport).as("desired only by the import").isEmpty();
    assertThat(fromFailover).as("desired only by failover --write").isEmpty();
    assertThat(plan.out()).contains("Plan: 0 to add, 0 to change, 0 to destroy.");
    assertThat(failback.out()).as(failback.err()).contains("Apply complete");
    assertThat(after.exitCode()).as(after.out()).isZero();
  }

  /** The desired resources and their properties, not the spec lines they come from. */
  private static Set<String> meaning(ClusterSpec spec) {
    Set<String> out = new TreeSet<>();
    // Import writes no teal block (xCAT's simulated tables define no TEAL node): compare without.
    withoutTeal(DesiredState.of(spec))
        .values()
        .forEach(r -> out.add(r.id() + " " + r.properties() + " " + r.checkOnly()));
    return out;
  }

  @Test
  void whileTheFailedSnIsDownTheImportPlansNoChangesOnWhatItSees() throws Exception {
    String target = failedOver(dir.resolve("cluster.yaml"));
    Path imported = dir.resolve("moved.yaml");

    CliRun run = CliRun.of("import", "--target", target, "--out", imported.toString());
    CliRun plan = CliRun.of("plan", imported.toString(), "--target", target);
    ComputeGroup moved =
        load(imported).groups().stream()
            .filter(g -> g.name().equals("sn03group"))
            .findFirst()
            .orElseThrow();

    assertThat(run.exitCode()).as("sn03 could not be read").isEqualTo(3);
    assertThat(run.err()).contains("could not read sn03");
    assertThat(moved.activeServiceNode().value()).isEqualTo("sn04");
    assertThat(moved.paging()).as("sn04 lists the paging files of the shared /install").isPresent();
    assertThat(plan.out())
        .contains("Plan: 0 to add, 0 to change, 0 to destroy.")
        .contains("not observed on sn03");
  }

  @Test
  void legacyClusterImportsWhatIsAndValidationNamesTheSeedRulesItBreaks() throws Exception {
    String target = simulate("legacy");
    Path imported = dir.resolve("legacy.yaml");

    CliRun run = CliRun.of("import", "--target", target, "--out", imported.toString());
    CliRun validate = CliRun.of("validate", imported.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(imported))
        .contains("useNFSv4onAIX: \"no\"")
        .contains("nfsVers: 3")
        .contains("nameservers: <xcatmaster>")
        .contains("pairs: []")
        .contains("- vers=3");
    assertThat(validate.exitCode()).isEqualTo(1);
    // Each is a rule of the seed's HASN setup that a cluster from before the migration breaks
    // (docs/rules/<id>.md quotes the seed): no SN pairs and no backup in servicenode
    // ("Compute node definitions in xCAT will have both a primary and a backup service node"),
    // name servers on the SNs, NFSv3 (site, export, images), no sharedinstall=sns, and NIM's
    // resolv_conf resources. Nothing about the file's shape: it loads as written.
    assertThat(ruleIds("error", validate.out() + validate.err()))
        .as(validate.out() + validate.err())
        .containsExactlyInAnyOrder(
            "pairs-mutual",
            "group-pair",
            "nameservers-empty",
            "nfsv4-on-aix",
            "sharedinstall-sns",
            "exports-vers4",
            "image-nfs-vers",
            "no-resolv-conf");
    // NIM's swapnfs0 is all the paging a legacy node has.
    assertThat(ruleIds("warning", validate.out() + validate.err())).contains("spof-paging");
    assertThat(validate.out() + validate.err())
        .contains("group sn01group has no backup, so nothing takes over its nodes when sn01 fails")
        .contains("sn03 is in no pair");
  }

  private static Set<String> ruleIds(String severity, String output) {
    Set<String> ids = new TreeSet<>();
    Matcher m = Pattern.compile(severity + "\\[([a-z0-9-]+)\\]").matcher(output);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void driftTheSpecCanSayIsCapturedSoThePlanWithTheImportIsEmpty() throws Exception {
    String target = simulate("converged", "--drift", "1", "--seed", "16");
    Path imported = dir.resolve("drifted.yaml");

    CliRun.of("import", "--target", target, "--out", imported.toString());
    CliRun plan = CliRun.of("plan", imported.toString(), "--target", target, "--detailed-exitcode");
    CliRun example =
        CliRun.of("plan", "examples/cluster.yaml", "--target", target, "--detailed-exitcode");

    assertThat(example.exitCode()).as("the drift is real").isEqualTo(2);
    assertThat(example.out()).contains("litefile");
    assertThat(Files.readString(imported)).contains("options: tmpfs");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
  }

  @Test
  void serviceNodesThatDisagreeAreListedWithTheirHostsAndTheMajorityIsWritten() throws Exception {
    String target = simulate("converged", "--drift", "1", "--seed", "3");
    Path imported = dir.resolve("minority.yaml");

    CliRun run = CliRun.of("import", "--target", target, "--out", imported.toString());
    CliRun plan = CliRun.of("plan", imported.toString(), "--target", target, "--detailed-exitcode");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .contains("service nodes disagree on the ifixes (emgr -l):")
        .contains("  sn03: IV27038,SF3548436\n")
        .contains("  sn[01-02],sn04: IV22221m03,IV27038,SF3548436\n")
        .contains("  written: the majority's (sn[01-02],sn04)");
    assertThat(Files.readString(imported)).contains("- IV22221m03");
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.out()).contains("sn03").contains("IV22221m03");
  }

  @Test
  void anNfsDomainThatIsNotTheSiteDomainIsReported() throws Exception {
    String target = simulate("converged", "--drift", "1", "--seed", "8");

    CliRun run = CliRun.of("import", "--target", target);

    assertThat(run.out()).contains("domain: old.example.com");
    assertThat(run.err())
        .contains(
            ": NFSv4 domain (/etc/nfs/local_domain) is p7hpc.example.com, the xCAT site domain"
                + " old.example.com");
  }

  @Test
  void importWritesTheHeaderAndNeverOverwritesASpec() throws Exception {
    String target = simulate("converged");
    Path existing = dir.resolve("cluster.yaml");
    Files.writeString(existing, "mine\n");

    CliRun printed = CliRun.of("import", "--target", target);
    CliRun refused = CliRun.of("import", "--target", target, "--out", existing.toString());

    assertThat(printed.out())
        .startsWith(
            "# yaml-language-server: $schema=https://hasnctl.dev/schema/cluster.schema.json\n")
        .containsPattern("# Imported by hasnctl .* from " + Pattern.quote(target) + " at 20")
        .contains("\nversion: 1\n");
    assertThat(printed.out().indexOf("\nems:")).isLessThan(printed.out().indexOf("\nsite:"));
    assertThat(printed.out().indexOf("\ngroups:")).isLessThan(printed.out().indexOf("\nsoftware:"));
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("exists");
    assertThat(Files.readString(existing)).isEqualTo("mine\n");
  }

  @Test
  void importChangesNothingInTheCluster() throws Exception {
    String target = simulate("converged", "--drift", "2", "--seed", "7");
    Path state = Path.of(target.substring("sim:".length()));
    JsonNode before = withoutClock(state);

    CliRun run = CliRun.of("import", "--target", target);

    assertThat(run.out()).contains("version: 1");
    assertThat(withoutClock(state).equals(before)).as("the cluster is unchanged").isTrue();
  }

  @Test
  void importNeedsAnExistingClusterAndSaysSo() {
    Path missing = dir.resolve("none.json");

    CliRun noTarget = CliRun.of("import");
    CliRun noCluster = CliRun.of("import", "--target", "sim:" + missing);

    assertThat(noTarget.exitCode()).isEqualTo(1);
    assertThat(noTarget.err()).contains("import needs --target");
    assertThat(noCluster.exitCode()).isEqualTo(1);
    assertThat(noCluster.err()).contains("does not exist: import reads an existing cluster");
    assertThat(Files.exists(missing)).isFalse();
  }
}
