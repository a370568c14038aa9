package dev.hasnctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlanRenderTest {
  private final ClusterSpec spec = SimClusters.example();
  private final DesiredState desired = DesiredState.of(spec);

  private Plan plan(Function<Resource, Observed> observe) {
    Map<ResourceId, Observed> observed = new TreeMap<>();
    desired.list().forEach(r -> observed.put(r.id(), observe.apply(r)));
    return Planner.plan(
        spec,
        "cluster.yaml",
        "x".getBytes(StandardCharsets.UTF_8),
        desired,
        observed,
        Instant.parse("2026-11-25T03:00:00Z"));
  }

  private static Observed with(Resource r, String property, String value) {
    Map<String, String> p = new HashMap<>(r.properties());
    p.put(property, value);
    return new Observed.Present(Resource.managed(r.id(), p, r.origin()));
  }

  private static Observed absentIf(Resource r, ResourceKind kind) {
    return r.id().kind() == kind ? new Observed.Absent(r.id()) : new Observed.Present(r);
  }

  private static Optional<String> where(String pointer) {
    return Optional.of("cluster.yaml:7:3");
  }

  @Test
  void aMatchingClusterSaysSoInOneLine() {
    assertThat(PlanText.render(plan(Observed.Present::new), PlanRenderTest::where, false))
        .isEqualTo("No changes. The cluster matches cluster.yaml.\n");
  }

  @Test
  void changesAreGroupedByHostWithBeforeAndAfterAndTheSpecLine() {
    Plan plan =
        plan(
            r ->
                r.id().kind() == ResourceKind.SITE_ATTRIBUTE && r.id().key().equals("nameservers")
                    ? with(r, "value", "<xcatmaster>")
                    : new Observed.Present(r));

    String text = PlanText.render(plan, PlanRenderTest::where, false);

    assertThat(text)
        .contains("\nems01\n  ~ site nameservers  (cluster.yaml:7:3)\n")
        .contains("      value: \"<xcatmaster>\" → \"\"\n")
        .contains("  1  ems01  chdef -t site clustersite nameservers=\n")
        .endsWith("Plan: 0 to add, 1 to change, 0 to destroy.\n")
        .doesNotContain("\u001b[");
  }

  @Test
  void nodesChangedAlikeShowAsOneNoderange() {
    Plan plan =
        plan(
            r ->
                r.id().kind() == ResourceKind.NODE
                    ? with(r, "postscripts", "otherpkgs")
                    : new Observed.Present(r));

    String text = PlanText.render(plan, PlanRenderTest::where, false);

    assertThat(text).contains("  ~ node cn[0001-0128]  (128 nodes, cluster.yaml:7:3)\n");
    assertThat(text).contains("Plan: 0 to add, 512 to change, 0 to destroy.");
  }

  @Test
  void fileContentsShowAsALineDiff() {
    Plan plan =
        plan(
            r ->
                r.id().kind() == ResourceKind.SHUTDOWN_ORDER && r.id().host().value().equals("sn01")
                    ? with(r, "lines", "stopsrc -s xcatd\nexit 0")
                    : new Observed.Present(r));

    assertThat(PlanText.render(plan, PlanRenderTest::where, false))
        .contains(
            "      lines:\n        -stopsrc -s xcatd\n        +stopsrc -s nfsd\n         exit 0\n");
  }

  @Test
  void coloursOnlyWhenAsked() {
    Plan plan = plan(r -> absentIf(r, ResourceKind.NETWORK));

    assertThat(PlanText.render(plan, PlanRenderTest::where, true)).contains("\u001b[32m+ network");
  }

  @Test
  void unknownStateAndFailedChecksAreExplainedNotPlanned() {
    Plan plan =
        plan(
            r -> {
              if (r.id().host().value().equals("sn03")) {
                return new Observed.Unknown(r.id(), "sn03: cannot connect");
              }
              if (r.checkOnly() && r.id().host().value().equals("sn01")) {
                return with(r, "minimum", "7100-00-00-0000");
              }
              return new Observed.Present(r);
            });

    String text = PlanText.render(plan, PlanRenderTest::where, false);
    String verbose = PlanText.render(plan, PlanRenderTest::where, false, true);

    assertThat(text)
        .containsPattern("\n  \\? \\d+ resources not observed on sn03  \\([^)]*3 service[^)]*\\)\n")
        .contains("      unknown: sn03: cannot connect\n")
        .doesNotContain("? service nfsd");
    assertThat(verbose)
        .contains("  ? service nfsd")
        .contains("      unknown: sn03: cannot connect\n");
    assertThat(text).contains("  ! software oslevel").contains("hasnctl never installs software");
    assertThat(text).contains("No steps: nothing here is hasnctl's to change.");
  }

  @Test
  void hostsWithTheSameChangesShowOnceAsANoderange() {
    Plan plan =
        plan(
            r ->
                r.id().kind() == ResourceKind.RUNNING_NODE
                    ? new Observed.Unknown(
                        r.id(), "xdsh on ems01 failed: " + r.id().host() + ": timed out")
                    : r.id().kind() == ResourceKind.SHUTDOWN_ORDER
                        ? with(r, "lines", "exit 0")
                        : new Observed.Present(r));

    String text = PlanText.render(plan, PlanRenderTest::where, false);
    String verbose = PlanText.render(plan, PlanRenderTest::where, false, true);

    assertThat(text)
        .contains(
            "\ncn[0001-0512]  (512 hosts)\n  ? running-node cn[0001-0512]  (cluster.yaml:7:3)\n")
        .contains("      unknown: xdsh on ems01 failed: cn[0001-0512]: timed out\n")
        .contains("\nsn[01-04]  (4 hosts)\n  ~ rc.shutdown ");
    assertThat(text.lines().count()).isLessThan(60);
    assertThat(verbose)
        .contains("\ncn0007\n  ? running-node cn0007  (cluster.yaml:7:3)\n")
        .contains("      unknown: xdsh on ems01 failed: cn0007: timed out\n")
        .contains("\nsn02\n  ~ rc.shutdown ");
    assertThat(verbose.lines().count()).isGreaterThan(512 * 3);
  }

  @Test
  void markdownHasADiffBlockAndAStepsTable() {
    Plan plan = plan(r -> absentIf(r, ResourceKind.NETWORK));

    String md = PlanMarkdown.render(plan, PlanRenderTest::where);

    assertThat(md)
        .startsWith("### hasnctl plan for `cluster.yaml`\n\n**Plan: ")
        .contains("```diff\n# ems01\n+ network ")
        .contains("| 1 | ems01 | ` mkdef -t network -o ");
  }
}
