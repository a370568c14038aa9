package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Change;
import dev.hasnctl.plan.Diff;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exports, node groups and spots compared by what they mean, not how they are written. */
class MeaningFormatsTest {
  private static final String WANTED =
      "/install -replicas=/install@20.10.12.1:/install@20.10.12.17,vers=4,rw,noauto,root=*";
  private final DesiredState desired = DesiredState.of(SimClusters.example());

  private static String only(String command, String variant) {
    return Samples.lines(command, variant).get(0);
  }

  @Test
  void exportLinesWithTheSameOptionsInAnotherOrderAreTheSameExport() {
    assertThat(ExportMeaning.exportLine(only("exports", "seed-verify"), WANTED)).isEqualTo(WANTED);
    assertThat(ExportMeaning.exportLine(only("exports", "seed-diagnostic-hints"), WANTED))
        .isEqualTo(WANTED);
  }

  @Test
  void replicasAreAnOrderedListAndEveryOptionCounts() {
    String swapped =
        "/install -replicas=/install@20.10.12.17:/install@20.10.12.1,vers=4,rw,noauto,root=*";
    String extra =
        "/install -replicas=/install@20.10.12.1:/install@20.10.12.17:/install@20.10.12.33,"
            + "vers=4,rw,noauto,root=*";
    String noReplicas = "/install -vers=4,rw,noauto,root=*";
    String ro =
        "/install -replicas=/install@20.10.12.1:/install@20.10.12.17,vers=4,ro,noauto,root=*";

    for (String line : List.of(swapped, extra, noReplicas, ro)) {
      assertThat(ExportMeaning.exportLine(line, WANTED)).as(line).isEqualTo(line);
    }
  }

  @Test
  void theSimulatorsExportsReadAsTheSpecsLine() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    String line =
        Samples.sim(store, "sn01", "cat", "/etc/exports").stream()
            .filter(l -> l.startsWith("/install "))
            .findFirst()
            .orElseThrow();
    String want =
        desired
            .get(new ResourceId(HostName.of("sn01"), ResourceKind.EXPORT, "/install"))
            .orElseThrow()
            .properties()
            .get("line");

    assertThat(ExportMeaning.exportLine(line, want)).isEqualTo(want);
  }

  @Test
  void anExportWrittenInTheOtherOrderIsNotRewritten() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    store.transact(
        c -> {
          SimHost sn = c.state().host("sn01").orElseThrow();
          String exports = sn.files.get("/etc/exports");
          String line = exports.lines().filter(l -> l.startsWith("/install ")).findFirst().get();
          String reordered =
              "/install -" + String.join(",", reverse(line.substring(line.indexOf('-') + 1)));
          sn.files.put("/etc/exports", exports.replace(line, reordered));
          return null;
        });

    List<Change> changes = Diff.between(desired, ProbeRuns.xdsh(store, desired).resources());

    assertThat(changes).isEmpty();
  }

  private static List<String> reverse(String options) {
    List<String> out = new java.util.ArrayList<>(List.of(options.split(",", -1)));
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void groupsAreASetTheSiteMayAddTo() {
    assertThat(NodeMeaning.groups("compute1,lpar,compute,all", "compute1,compute,all"))
        .isEqualTo("compute1,compute,all");
    assertThat(NodeMeaning.groups("all,compute,compute1", "compute1,compute,all"))
        .isEqualTo("compute1,compute,all");
    assertThat(NodeMeaning.groups("compute1,lpar,all", "compute1,compute,all"))
        .isEqualTo("compute1,lpar,all");
  }

  @Test
  void aNodeInTheSitesOwnGroupsKeepsThemAndGetsOnlyTheMissingOnes() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    String wanted =
        desired
            .get(new ResourceId(HostName.of("ems01"), ResourceKind.NODE, "cn0001"))
            .orElseThrow()
            .properties()
            .get("groups");
    // The second group is the spec's xCAT group ("compute"), which carries no attribute rows.
    String dropped = wanted.split(",", -1)[1];
    String kept = wanted.replace("," + dropped + ",", ",");
    Samples.sim(store, "ems01", "chdef", "-t", "node", "-o", "cn0002", "-p", "groups=lpar");
    Samples.sim(store, "ems01", "chdef", "-t", "node", "-o", "cn0001", "groups=lpar," + kept);

    Plan plan =
        Planner.plan(
            SimClusters.example(),
            "cluster.yaml",
            "spec".getBytes(StandardCharsets.UTF_8),
            desired,
            ProbeRuns.xdsh(store, desired).resources(),
            Instant.EPOCH);

    assertThat(plan.steps()).hasSize(1);
    assertThat(plan.steps().get(0).command().args())
        .containsExactly("chdef", "-t", "node", "-o", "cn0001", "-p", "groups=" + dropped);
    Samples.sim(store, "ems01", "chdef", "-t", "node", "-o", "cn0001", "-p", "groups=" + dropped);
    assertThat(Diff.between(desired, ProbeRuns.xdsh(store, desired).resources())).isEmpty();
    assertThat(
            Samples.sim(
                store, "ems01", "lsdef", "-t", "node", "-o", "cn0001", "-i", "groups", "-c"))
        .anyMatch(l -> l.startsWith("cn0001: groups=") && l.contains("lpar"));
  }

  @Test
  void aSpotOfAnotherNameServesTheImageItsOsimageNames() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    store.transact(
        c -> {
          c.state().tables.rows("nimimage").forEach(r -> rename(r, "aix71-compute", "aix71-spot"));
          for (SimHost h : c.state().hosts.values()) {
            var spot = h.nim.remove("aix71-compute");
            if (spot != null) {
              h.nim.put("aix71-spot", spot);
            }
            h.nim.values().stream()
                .filter(o -> "aix71-compute".equals(o.attributes.get("spot")))
                .forEach(o -> o.with("spot", "aix71-spot"));
          }
          return null;
        });

    ObservedState observed = ProbeRuns.xdsh(store, desired);

    assertThat(Diff.between(desired, observed.resources())).isEmpty();
    Observed machine =
        observed
            .resources()
            .get(new ResourceId(HostName.of("sn01"), ResourceKind.DISKLESS_NODE, "cn0001"));
    assertThat(((Observed.Present) machine).resource().properties())
        .containsEntry("image", "aix71-compute");
  }

  private static void rename(java.util.Map<String, String> row, String from, String to) {
    if (from.equals(row.get("spot"))) {
      row.put("spot", to);
    }
  }
}
