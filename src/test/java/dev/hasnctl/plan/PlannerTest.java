package dev.hasnctl.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.NodeHealth;
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
import java.util.Set;
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
    // A node that has not booted (no /etc/xcatinfo) has no running state to correct; an SN's
    // copies of an image's NIM resources come with the mkdsklsnode that defines its nodes.
    assertThat(plan.toAdd())
        .isEqualTo(
            desired.list().stream()
                .filter(
                    r ->
                        !shippedByXcat(r)
                            && r.id().kind() != ResourceKind.RUNNING_NODE
                            && r.id().kind() != ResourceKind.NIM_RESOURCES)
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
        .contains(
            "sh -c 'test -e /etc/xcatinfo.hasnctl.20261125T030000Z"
                + " || cp -p /etc/xcatinfo /etc/xcatinfo.hasnctl.20261125T030000Z'")
        .contains("XCATSERVER=20.10.12.1")
        .endsWith("mv /etc/xcatinfo.hasnctl.new /etc/xcatinfo && route delete default 10.0.0.1");
    assertThat(step.verifies()).hasSize(128);
    assertThat(step.backups())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.copy()).isEqualTo("/etc/xcatinfo.hasnctl.20261125T030000Z");
              assertThat(b.nodes()).hasSize(128).contains("cn0001", "cn0128");
            });
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
  void fileEditsKeepThePreviousContentUnderTheTimestampedNameUnlessThatCopyExists() {
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
                  .startsWith(
                      "sh -c 'test -e /etc/exports.hasnctl.20261125T030000Z"
                          + " || cp -p /etc/exports /etc/exports.hasnctl.20261125T030000Z' && ")
                  .contains("mv /etc/exports.hasnctl.new /etc/exports")
                  .endsWith("exportfs -a");
              assertThat(step.backups())
                  .containsExactly(
                      Backup.onHost("/etc/exports", "/etc/exports.hasnctl.20261125T030000Z"));
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

  @Test
  void theFingerprintIsTheHashOfTheSpecAndOneLinePerObservedResource() throws Exception {
    // The format a saved plan's fingerprint was made with: a plan saved by an earlier hasnctl,
    // of the same spec and cluster, must still be accepted.
    HostName ems = HostName.of("ems01");
    ResourceId site = new ResourceId(ems, ResourceKind.SITE_ATTRIBUTE, "domain");
    ResourceId node = new ResourceId(ems, ResourceKind.NODE, "cn0001");
    ResourceId network = new ResourceId(ems, ResourceKind.NETWORK, "hfinet");
    Map<ResourceId, Observed> observed = new HashMap<>();
    observed.put(
        site, new Observed.Present(Resource.managed(site, Map.of("value", "example.com"), "")));
    observed.put(node, new Observed.Absent(node));
    observed.put(network, new Observed.Unknown(network, "timed out"));
    byte[] spec = "version: 1\n".getBytes(StandardCharsets.UTF_8);

    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update(spec);
    for (ResourceId id : new java.util.TreeSet<>(observed.keySet())) {
      Observed o = observed.get(id);
      String line =
          o instanceof Observed.Present p
              ? "present " + id + " " + new TreeMap<>(p.resource().properties())
              : (o instanceof Observed.Absent ? "absent " : "unknown ") + id;
      sha.update(("\n" + line).getBytes(StandardCharsets.UTF_8));
    }

    assertThat(Planner.fingerprint(spec, observed))
        .isEqualTo(java.util.HexFormat.of().formatHex(sha.digest()));
  }

  /** {@code r} as observed with {@code property} set to {@code value}. */
  private static Observed with(Resource r, String property, String value) {
    Map<String, String> p = new HashMap<>(r.properties());
    p.put(property, value);
    return new Observed.Present(
        r.checkOnly() ? Resource.checked(r.id(), p, "") : Resource.managed(r.id(), p, ""));
  }

  private static boolean on(Resource r, ResourceKind kind, String host) {
    return r.id().kind() == kind && r.id().host().value().equals(host);
  }

  private static Step step(Plan plan, String id) {
    return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theReplicasExportIsWrittenBeforeNfsStartsAgain() {
    // sn03: GPFS down, nfsd stopped, and its /etc/exports lost replicas= (issue 9, seed 1).
    Plan plan =
        plan(
            r -> {
              if (on(r, ResourceKind.EXPORT, "sn03")) {
                return with(r, "line", "/install -vers=4,rw,noauto,root=*");
              }
              if (on(r, ResourceKind.SERVICE, "sn03") && !r.id().key().equals("xcatd")) {
                return with(r, "state", r.id().key().equals("gpfs") ? "down" : "inoperative");
              }
              if (on(r, ResourceKind.GPFS_MOUNT, "sn03")) {
                return new Observed.Absent(r.id());
              }
              return present(r);
            });

    List<String> ids = plan.steps().stream().map(Step::id).toList();
    assertThat(ids).containsSubsequence("sn03/exports/install", "sn03/gpfs");
    assertThat(step(plan, "sn03/gpfs").after()).contains("sn03/exports/install");
    assertThat(plan.held()).isEmpty();
    assertRulesHold(plan);
  }

  @Test
  void nfsRestartsOnOneSnOfAPairAtATime() {
    Plan plan =
        plan(
            r ->
                r.id().kind() == ResourceKind.GPFS_MOUNT
                    ? new Observed.Absent(r.id())
                    : present(r));

    assertThat(step(plan, "sn01/gpfs").disrupts()).isPresent();
    assertThat(step(plan, "sn02/gpfs").after()).contains("sn01/gpfs");
    assertThat(step(plan, "sn04/gpfs").after()).contains("sn03/gpfs");
    assertThat(step(plan, "sn03/gpfs").after()).doesNotContain("sn01/gpfs", "sn02/gpfs");
    assertRulesHold(plan);
  }

  @Test
  void anNfsRestartIsVerifiedOnlyOnceTheNodesItServesAreHealthyAgain() {
    Plan plan =
        plan(
            r -> on(r, ResourceKind.GPFS_MOUNT, "sn01") ? new Observed.Absent(r.id()) : present(r));

    Step restart = step(plan, "sn01/gpfs");
    assertThat(restart.isHeld()).isFalse();
    // showfs on sn01's nodes must show their SN and replica again before the step counts as done.
    assertThat(restart.verifies())
        .contains(
            new ResourceId(
                dev.hasnctl.model.HostName.of("cn0001"), ResourceKind.NODE_HEALTH, "cn0001"))
        .doesNotContain(
            new ResourceId(
                dev.hasnctl.model.HostName.of("cn0129"), ResourceKind.NODE_HEALTH, "cn0129"));
  }

  @Test
  void aStepThatWouldStrandRunningNodesIsHeldWithTheirNodesReasonAndWaysOut() {
    Function<Resource, Observed> noReplica =
        r -> {
          if (r.id().kind() == ResourceKind.NODE_HEALTH
              && r.properties().get(NodeHealth.SERVER).equals("sn01")) {
            return with(r, NodeHealth.REPLICA, NodeHealth.NONE);
          }
          return r.id().kind() == ResourceKind.GPFS_MOUNT && r.id().host().value().equals("sn01")
              ? new Observed.Absent(r.id())
              : present(r);
        };

    Plan plan = plan(noReplica);

    Hold hold = step(plan, "sn01/gpfs").hold().orElseThrow();
    assertThat(hold.nodes()).isEqualTo("cn[0001-0128]");
    assertThat(hold.count()).isEqualTo(128);
    assertThat(hold.reason())
        .contains("interrupts NFS on sn01")
        .contains("cn[0001-0128]: their mounts list no replica");
    assertThat(hold.waysOut())
        .anySatisfy(w -> assertThat(w).contains("hasnctl failover sn01"))
        .anySatisfy(w -> assertThat(w).contains("--allow-disruption 'cn[0001-0128]'"));
    assertThat(plan.held()).extracting(Step::id).doesNotContain("sn03/gpfs");

    Map<ResourceId, Observed> observed = new TreeMap<>();
    desired.list().forEach(r -> observed.put(r.id(), noReplica.apply(r)));
    Plan allowed =
        Planner.plan(spec, "cluster.yaml", SPEC_BYTES, desired, observed, NOW, "cn[0001-0128]");
    assertThat(allowed.held()).isEmpty();
    assertThat(allowed.allowedDisruption()).isEqualTo("cn[0001-0128]");
  }

  @Test
  void aPartnerThatCannotServeStrandsTheNodesUntilAStepBeforeFixesIt() {
    // sn02's nfsd is stopped: sn01's nodes have no working replica unless the plan starts it first.
    Plan plan =
        plan(
            r -> {
              if (on(r, ResourceKind.SERVICE, "sn02") && r.id().key().equals("nfsd")) {
                return with(r, "state", "inoperative");
              }
              return r.id().kind() == ResourceKind.GPFS_MOUNT
                      && r.id().host().value().equals("sn01")
                  ? new Observed.Absent(r.id())
                  : present(r);
            });

    List<String> ids = plan.steps().stream().map(Step::id).toList();
    // sn01 sorts before sn02, so the pair rule runs sn01's restart first: sn02 does not serve yet.
    assertThat(ids).containsSubsequence("sn01/gpfs", "sn02/nfs");
    assertThat(step(plan, "sn01/gpfs").hold().orElseThrow().reason())
        .contains("nfsd is not active on sn02");
  }

  @Test
  void randomDriftNeverPlansAnNfsInterruptionForARunningNodeWithoutAWorkingReplica() {
    int disruptionsChecked = 0;
    int held = 0;
    for (long seed = 0; seed < 40; seed++) {
      Map<ResourceId, Observed> observed = randomObserved(new Random(seed));
      Plan plan = Planner.plan(spec, "cluster.yaml", SPEC_BYTES, desired, observed, NOW);
      assertRulesHold(plan);
      disruptionsChecked += assertNoStrandedNode(plan, observed);
      held += plan.held().size();
    }
    assertThat(disruptionsChecked).as("disruptive steps that ran in the random plans").isPositive();
    assertThat(held).as("held steps in the random plans").isPositive();
  }

  /**
   * A drifted cluster: a quarter of the resources missing, some nfsd stopped, some exports without
   * replicas, and whole groups of running nodes with no replica in their mounts or swapnfs0 paging.
   */
  private Map<ResourceId, Observed> randomObserved(Random random) {
    Map<String, Integer> groupFate = new HashMap<>();
    Map<ResourceId, Observed> observed = new TreeMap<>();
    for (Resource r : desired.list()) {
      Observed o;
      if (r.id().kind() == ResourceKind.NODE_HEALTH) {
        int fate = groupFate.computeIfAbsent(r.origin(), x -> random.nextInt(5));
        o =
            switch (fate) {
              case 0 -> with(r, NodeHealth.REPLICA, NodeHealth.NONE);
              case 1 -> with(r, NodeHealth.SWAPNFS0, "active");
              default -> present(r);
            };
      } else if (r.id().kind() == ResourceKind.SERVICE
          && r.id().key().equals("nfsd")
          && random.nextInt(5) == 0) {
        o = with(r, "state", "inoperative");
      } else if (r.id().kind() == ResourceKind.EXPORT && random.nextInt(5) == 0) {
        o = with(r, "line", "/install -vers=3,rw,root=*");
      } else {
        o = shippedByXcat(r) || random.nextInt(4) != 0 ? present(r) : new Observed.Absent(r.id());
      }
      observed.put(r.id(), o);
    }
    return observed;
  }

  /**
   * Walks {@code plan} as apply would and fails when a step that runs interrupts NFS on an SN while
   * a running node it serves has no working replica: its mounts list another SN which then exports
   * /install with replicas=, runs nfsd and has GPFS mounted, and swapnfs0 no longer pages.
   *
   * @return how many disruptive steps ran
   */
  private int assertNoStrandedNode(Plan plan, Map<ResourceId, Observed> observed) {
    Set<String> replicas = new java.util.HashSet<>();
    Set<String> nfsd = new java.util.HashSet<>();
    Set<String> gpfs = new java.util.HashSet<>();
    observed.forEach(
        (id, o) -> {
          if (o instanceof Observed.Present p) {
            Map<String, String> props = p.resource().properties();
            if (id.kind() == ResourceKind.EXPORT
                && props.getOrDefault("line", "").contains("replicas=")) {
              replicas.add(id.host().value());
            }
            if (id.kind() == ResourceKind.SERVICE
                && id.key().equals("nfsd")
                && "active".equals(props.get("state"))) {
              nfsd.add(id.host().value());
            }
            if (id.kind() == ResourceKind.GPFS_MOUNT) {
              gpfs.add(id.host().value());
            }
          }
        });
    int ran = 0;
    for (Step step : plan.steps()) {
      if (step.isHeld()) {
        continue;
      }
      if (step.disrupts().isPresent()) {
        String sn = step.disrupts().get().serviceNode().value();
        if (!(step.disrupts().get().onlyWithoutReplicas() && replicas.contains(sn))) {
          ran++;
          for (Observed o : observed.values()) {
            if (o.id().kind() != ResourceKind.NODE_HEALTH
                || !(o instanceof Observed.Present p)
                || !"yes".equals(p.resource().properties().get(NodeHealth.RESPONDING))
                || !p.resource().properties().get(NodeHealth.SERVER).equals(sn)) {
              continue;
            }
            Map<String, String> h = p.resource().properties();
            String partner = h.get(NodeHealth.REPLICA);
            assertThat(
                    !"active".equals(h.get(NodeHealth.SWAPNFS0))
                        && !partner.equals(NodeHealth.NONE)
                        && replicas.contains(partner)
                        && nfsd.contains(partner)
                        && gpfs.contains(partner))
                .as("%s runs while %s has no working replica (%s)", step.id(), o.id().key(), h)
                .isTrue();
          }
        }
      }
      if (step.phase() == Phase.DISKLESS_BACKUP || step.phase() == Phase.DISKLESS_PRIMARY) {
        replicas.add(step.lane().value());
      }
      for (ResourceId id : step.verifies()) {
        String host = id.host().value();
        switch (id.kind()) {
          case EXPORT -> {
            if (desired.get(id).orElseThrow().properties().get("line").contains("replicas=")) {
              replicas.add(host);
            }
          }
          case SERVICE -> {
            if (id.key().equals("nfsd")) {
              nfsd.add(host);
            }
          }
          case GPFS_MOUNT -> gpfs.add(host);
          default -> {}
        }
      }
    }
    return ran;
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

  @Test
  void aFirstReplicaExportTurnsReplicationOnWithNothingExportedAndARewrittenOneDoesNot() {
    Plan plan =
        plan(
            r -> {
              if (r.id().kind() != ResourceKind.EXPORT || !r.id().key().equals("/install")) {
                return present(r);
              }
              String line = r.properties().get("line");
              String other =
                  r.id().host().value().equals("sn01")
                      ? "/install -vers=4,rw,root=*"
                      : line.replace(",rw,", ",ro,");
              return new Observed.Present(Resource.managed(r.id(), Map.of("line", other), ""));
            });

    String sn01 = commandOf(plan, "sn01/exports/install");
    String sn02 = commandOf(plan, "sn02/exports/install");
    assertThat(sn01).contains("exportfs -ua && chnfs -R on && ");
    assertThat(sn01.indexOf("chnfs")).isLessThan(sn01.indexOf("exportfs -a"));
    assertThat(sn02).doesNotContain("chnfs").doesNotContain("exportfs -ua");
  }

  private static String commandOf(Plan plan, String id) {
    return plan.steps().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + id + " in " + plan.steps()))
        .command()
        .toShell();
  }
}
