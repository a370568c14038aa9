package dev.hasnctl.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
  private static final byte[] SPEC_BYTES = "spec".getBytes(StandardCharsets.UTF_8);

  private final ClusterSpec spec = SimClusters.example();
  private final DesiredState desired = DesiredState.of(spec);

  private Plan plan(Function<Resource, Observed> observe) {
    Map<ResourceId, Observed> observed = new TreeMap<>();
    desired.list().forEach(r -> observed.put(r.id(), observe.apply(r)));
    return Planner.plan(spec, "cluster.yaml", SPEC_BYTES, desired, observed, NOW);
  }

  /** Software levels and xCAT's own postscript: what an admin installs, never hasnctl. */
  private static boolean shippedByXcat(Resource r) {
    return r.checkOnly() || r.id().kind() == ResourceKind.NFS_TUNABLES;
  }

  private static Observed present(Resource r) {
    return new Observed.Present(r);
  }

  @Test
  void aClusterThatMatchesTheSpecHasAnEmptyPlan() {
    Plan plan = plan(PlannerTest::present);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.matches()).isTrue();
  }

  @Test
  void anEmptyClusterGetsEveryStepInAnOrderNoSeedRuleForbids() {
    Plan plan = plan(r -> shippedByXcat(r) ? present(r) : new Observed.Absent(r.id()));

    assertThat(plan.steps()).isNotEmpty();
    // A node that has not booted (no /etc/xcatinfo) has no running state to correct.
    assertThat(plan.toAdd())
        .isEqualTo(
            desired.list().stream()
                .filter(r -> !shippedByXcat(r) && r.id().kind() != ResourceKind.RUNNING_NODE)
                .count());
    assertRulesHold(plan);
  }

  @Test
  void bootedNodesPointingElsewhereAreCorrectedWithOneXdshPerGroupAfterTheirDefinitions() {
    Plan plan =
        plan(
            r ->
                r.id().kind() == ResourceKind.RUNNING_NODE
                        && r.properties().get("xcatserver").equals("20.10.12.1")
                    ? present(
                        Resource.managed(
                            r.id(), Map.of("xcatserver", "ems01", "gateway", "10.0.0.1"), ""))
                    : present(r));

    assertThat(plan.steps()).hasSize(1);
    Step step = plan.steps().get(0);
    assertThat(step.host().value()).isEqualTo("ems01");
    assertThat(step.command().args().subList(0, 2)).containsExactly("xdsh", "cn[0001-0128]");
    assertThat(step.command().args().get(2))
        .contains("cp -p /etc/xcatinfo /etc/xcatinfo.hasnctl.20261125T030000Z")
        .contains("XCATSERVER=20.10.12.1")
        .endsWith("mv /etc/xcatinfo.hasnctl.new /etc/xcatinfo && route delete default 10.0.0.1");
    assertThat(step.verifies()).hasSize(128);
    assertRulesHold(plan);
  }

  @Test
  void theBackupSnDefinesNodesBeforeThePrimaryAndNeverBothAtOnce() {
    Plan plan =
        plan(
            r ->
                r.id().kind() == ResourceKind.DISKLESS_NODE
                    ? new Observed.Absent(r.id())
                    : present(r));

    List<String> commands = plan.steps().stream().map(s -> s.command().toShell()).toList();
    assertThat(commands).allMatch(c -> c.startsWith("mkdsklsnode -V -S "));
    assertThat(commands).hasSize(2 * spec.groups().size());
    for (Step primary : plan.steps()) {
      if (primary.phase() == Phase.DISKLESS_PRIMARY) {
        Step backup =
            plan.steps().stream()
                .filter(
                    s -> s.phase() == Phase.DISKLESS_BACKUP && s.nodes().equals(primary.nodes()))
                .findFirst()
                .orElseThrow();
        assertThat(plan.steps().indexOf(backup)).isLessThan(plan.steps().indexOf(primary));
        assertThat(primary.after()).contains(backup.id());
        assertThat(backup.lane()).isNotEqualTo(primary.lane());
      }
    }
  }

  @Test
  void nodesNeedingTheSameChangeShareOneChdefOverANoderange() {
    Plan plan =
        plan(
            r -> {
              if (r.id().kind() != ResourceKind.NODE) {
                return present(r);
              }
              Map<String, String> drifted = new HashMap<>(r.properties());
              drifted.put("xcatmaster", "elsewhere");
              return new Observed.Present(Resource.managed(r.id(), drifted, r.origin()));
            });

    assertThat(plan.toChange())
        .isEqualTo(desired.list().stream().filter(r -> r.id().kind() == ResourceKind.NODE).count());
    assertThat(plan.steps()).hasSizeLessThanOrEqualTo(spec.groups().size());
    assertThat(plan.steps())
        .allSatisfy(
            s ->
                assertThat(s.command().toShell())
                    .matches("chdef -t node -o 'cn\\[\\d{4}-\\d{4}\\]' xcatmaster=sn0\\d-hfi"));
  }

  @Test
  void anUnobservedResourceIsReportedAndNothingIsPlannedForIt() {
    Plan plan =
        plan(
            r ->
                r.id().host().value().equals("sn03")
                    ? new Observed.Unknown(r.id(), "sn03 unreachable")
                    : present(r));

    assertThat(plan.blocked()).isPositive();
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.matches()).isFalse();
  }

  @Test
  void fileEditsKeepThePreviousContentUnderTheTimestampedName() {
    Plan plan =
        plan(
            r ->
                r.id().kind() == ResourceKind.EXPORT && r.id().host().value().equals("sn01")
                    ? new Observed.Present(
                        Resource.managed(r.id(), Map.of("line", "/install -vers=3"), ""))
                    : present(r));

    assertThat(plan.steps())
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.command().args().get(2))
                  .startsWith("cp -p /etc/exports /etc/exports.hasnctl.20261125T030000Z && ")
                  .contains("mv /etc/exports.hasnctl.new /etc/exports")
                  .endsWith("exportfs -a");
            });
  }

  @Test
  void randomDriftNeverGivesAnOrderThatBreaksASeedRule() {
    for (long seed = 0; seed < 60; seed++) {
      Random random = new Random(seed);
      Plan plan =
          plan(
              r ->
                  shippedByXcat(r) || random.nextInt(4) != 0
                      ? present(r)
                      : new Observed.Absent(r.id()));
      assertThat(plan.steps()).isNotEmpty();
      assertRulesHold(plan);
    }
  }

  @Test
  void aMissingReplicationPostscriptIsAClearErrorNotAGuess() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                plan(
                    r ->
                        r.id().kind() == ResourceKind.NFS_TUNABLES
                            ? new Observed.Absent(r.id())
                            : present(r)))
        .hasMessageContaining("setupnfsv4replication")
        .hasMessageContaining("by hand");
  }

  @Test
  void theFingerprintChangesWithTheObservedState() {
    String converged = plan(PlannerTest::present).fingerprint();
    String empty =
        plan(r -> shippedByXcat(r) ? present(r) : new Observed.Absent(r.id())).fingerprint();

    assertThat(converged).hasSize(64).isNotEqualTo(empty);
    assertThat(plan(PlannerTest::present).fingerprint()).isEqualTo(converged);
  }

  /** Fails naming the rule and both steps when a plan orders two steps against a seed rule. */
  static void assertRulesHold(Plan plan) {
    List<Step> steps = plan.steps();
    for (OrderRule rule : OrderRule.SEED) {
      for (int i = 0; i < steps.size(); i++) {
        for (int j = 0; j < i; j++) {
          Step earlier = steps.get(j);
          Step later = steps.get(i);
          if (earlier.phase() == rule.then()
              && later.phase() == rule.first()
              && Planner.applies(rule, later, earlier, Planner.partners(SimClusters.example()))) {
            fail("'" + rule.name() + "' broken: " + earlier.id() + " runs before " + later.id());
          }
        }
      }
    }
  }
}
