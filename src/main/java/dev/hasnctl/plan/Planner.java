package dev.hasnctl.plan;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.IdOrder;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Turns desired and observed state into a {@link Plan}. Pure. */
public final class Planner {
  private Planner() {}

  /**
   * What the admin allows a plan beyond the safe default.
   *
   * @param allowDisruption running nodes (a noderange, or empty) that may lose NFS: steps that
   *     would strand only them are not held
   * @param outage whether the migration's outage may run: it shuts the nodes of the migrating SNs
   *     down (otherwise its first step is held)
   * @param boot whether to boot the compute nodes that are down, or that the plan shuts down, a
   *     batch at a time, after every other step
   * @param bootBatch the most nodes one batch boots; 0 for one batch per group
   */
  public record Options(String allowDisruption, boolean outage, boolean boot, int bootBatch) {
    /** Nothing beyond the default. */
    public static final Options NONE = new Options("", false, false, 0);

    public Options {
      if (bootBatch < 0) {
        throw new IllegalArgumentException("a boot batch has at least one node, not " + bootBatch);
      }
    }
  }

  /**
   * The plan that takes the observed cluster to {@code desired}.
   *
   * @param specBytes the spec file's bytes, for the fingerprint
   * @throws IllegalStateException when a difference has no step hasnctl may take (the message says
   *     what to do by hand)
   */
  public static Plan plan(
      ClusterSpec spec,
      String specFile,
      byte[] specBytes,
      DesiredState desired,
      Map<ResourceId, Observed> observed,
      Instant createdAt) {
    return plan(spec, specFile, specBytes, desired, observed, createdAt, "");
  }

  /**
   * As {@link #plan(ClusterSpec, String, byte[], DesiredState, Map, Instant)}, letting the nodes of
   * {@code allowDisruption} (a noderange, or empty) lose NFS: steps that would strand only them are
   * not held.
   */
  public static Plan plan(
      ClusterSpec spec,
      String specFile,
      byte[] specBytes,
      DesiredState desired,
      Map<ResourceId, Observed> observed,
      Instant createdAt,
      String allowDisruption) {
    return plan(
        spec,
        specFile,
        specBytes,
        desired,
        observed,
        createdAt,
        new Options(allowDisruption, false, false, 0));
  }

  /**
   * As {@link #plan(ClusterSpec, String, byte[], DesiredState, Map, Instant)}, with {@code
   * options}.
   */
  public static Plan plan(
      ClusterSpec spec,
      String specFile,
      byte[] specBytes,
      DesiredState desired,
      Map<ResourceId, Observed> observed,
      Instant createdAt,
      Options options) {
    // The fingerprint reads only the spec's bytes and the observed state: it is hashed on another
    // core while the plan is made (a tenth of a large cluster's planning).
    CompletableFuture<String> fingerprint =
        CompletableFuture.supplyAsync(() -> fingerprint(specBytes, observed));
    String allowDisruption = options.allowDisruption();
    Set<String> allowed =
        allowDisruption.isEmpty() ? Set.of() : Set.copyOf(Noderange.expand(allowDisruption));
    List<Change> changes = Diff.between(desired, observed);
    List<Change> actionable =
        changes.stream()
            .filter(
                c ->
                    c.action() == Action.CREATE
                        || c.action() == Action.UPDATE
                        || c.action() == Action.DELETE)
            .toList();
    boolean imagesChange = actionable.stream().anyMatch(c -> c.id().kind() == ResourceKind.OSIMAGE);
    FileEdits edits = new FileEdits(createdAt);
    MigrationSteps migration = new MigrationSteps(spec, observed);
    List<HostName> migrating = migration.migrating();

    List<Step> steps = new ArrayList<>();
    steps.addAll(
        new EmsSteps(spec.ems().name())
            .build(actionable.stream().filter(c -> isTable(c.id().kind())).toList()));
    steps.addAll(
        new HostSteps(spec, edits)
            .build(actionable.stream().filter(c -> HostSteps.isHostKind(c.id())).toList()));
    steps.addAll(new NimCopySteps().build(actionable));
    steps.addAll(
        new DisklessSteps(spec, imagesChange)
            .build(withRedefinitions(actionable, desired, Set.copyOf(migrating))));
    steps.addAll(new RunningNodeSteps(spec.ems().name(), edits).build(actionable));
    steps.addAll(new TealSteps(edits).build(actionable, changes));
    steps.addAll(migration.online(migrating));
    Map<HostName, HostName> partners = partners(spec);
    List<Step> woven =
        new MigrationOutage(spec, observed, edits).weave(steps, migrating, options.outage());
    if (options.boot()) {
      Set<String> stopped = new java.util.HashSet<>();
      woven.stream()
          .filter(s -> s.phase() == Phase.MIGRATION_OUTAGE)
          .forEach(s -> stopped.addAll(s.nodes()));
      List<Step> all = new ArrayList<>(woven);
      all.addAll(new BootSteps(spec, observed).build(woven, stopped, options.bootBatch()));
      woven = all;
    }
    List<Step> ordered = order(withRules(woven, OrderRule.SEED, partners));
    return new Plan(
        specFile,
        createdAt,
        fingerprint.join(),
        changes,
        Safety.hold(ordered, desired, observed, allowed),
        allowDisruption);
  }

  /**
   * {@code changes}, and every NIM client definition on the {@code migrating} SNs as to be made:
   * the migration's outage removes them all with the SNs' local /install, and mkdsklsnode makes
   * them again on the shared one (seed: "all of the NIM resources on the service nodes first be
   * removed, and then recreated by running a new mkdsklsnode command for all of the compute
   * nodes").
   */
  private static List<Change> withRedefinitions(
      List<Change> changes, DesiredState desired, Set<HostName> migrating) {
    if (migrating.isEmpty()) {
      return changes;
    }
    List<Change> out = new ArrayList<>(changes);
    Set<ResourceId> planned = new java.util.HashSet<>();
    changes.forEach(c -> planned.add(c.id()));
    for (dev.hasnctl.model.Resource want : desired.list()) {
      ResourceId id = want.id();
      if (id.kind() == ResourceKind.DISKLESS_NODE
          && migrating.contains(id.host())
          && !planned.contains(id)) {
        out.add(
            new Change(
                id,
                Action.CREATE,
                ChangeReason.MISSING,
                new TreeMap<>(),
                new TreeMap<>(want.properties()),
                java.util.Optional.of(want.origin()),
                java.util.Optional.empty()));
      }
    }
    return out;
  }

  /** Each SN to its partner, from the spec's pairs. */
  static Map<HostName, HostName> partners(ClusterSpec spec) {
    Map<HostName, HostName> out = new HashMap<>();
    spec.pairs()
        .forEach(
            pair ->
                spec.serviceNodes().stream()
                    .filter(sn -> pair.contains(sn.name()))
                    .forEach(sn -> out.put(sn.name(), pair.partnerOf(sn.name()))));
    return out;
  }

  private static boolean isTable(ResourceKind kind) {
    return switch (kind) {
      case SITE_ATTRIBUTE, NETWORK, NODE, STATELITE, LITEFILE, OSIMAGE -> true;
      default -> false;
    };
  }

  /**
   * Each step, also after every step that {@code rules} put before it. Indexed by phase, host and
   * node, so a plan of thousands of steps is ordered in linear time, not quadratic.
   */
  static List<Step> withRules(
      List<Step> steps, List<OrderRule> rules, Map<HostName, HostName> partners) {
    Map<Phase, List<Step>> byPhase = new HashMap<>();
    Map<Phase, Map<HostName, List<Step>>> byPhaseAndLane = new HashMap<>();
    Map<Phase, Map<String, List<Step>>> byPhaseAndNode = new HashMap<>();
    for (Step s : steps) {
      byPhase.computeIfAbsent(s.phase(), p -> new ArrayList<>()).add(s);
      byPhaseAndLane
          .computeIfAbsent(s.phase(), p -> new HashMap<>())
          .computeIfAbsent(s.lane(), h -> new ArrayList<>())
          .add(s);
      for (String node : s.nodes()) {
        byPhaseAndNode
            .computeIfAbsent(s.phase(), p -> new HashMap<>())
            .computeIfAbsent(node, n -> new ArrayList<>())
            .add(s);
      }
    }
    List<Step> out = new ArrayList<>(steps.size());
    for (Step step : steps) {
      Set<String> before = new java.util.TreeSet<>();
      for (OrderRule rule : rules) {
        if (rule.then() != step.phase()) {
          continue;
        }
        switch (rule.scope()) {
          case ALL ->
              byPhase.getOrDefault(rule.first(), List.of()).forEach(f -> before.add(f.id()));
          case SAME_HOST ->
              byPhaseAndLane
                  .getOrDefault(rule.first(), Map.of())
                  .getOrDefault(step.lane(), List.of())
                  .forEach(f -> before.add(f.id()));
          case SHARED_NODES -> {
            Map<String, List<Step>> index = byPhaseAndNode.getOrDefault(rule.first(), Map.of());
            for (String node : step.nodes()) {
              index.getOrDefault(node, List.of()).forEach(f -> before.add(f.id()));
            }
          }
          case PARTNER_SN -> {
            HostName partner = partners.get(step.lane());
            if (partner != null && partner.compareTo(step.lane()) < 0) {
              byPhaseAndLane
                  .getOrDefault(rule.first(), Map.of())
                  .getOrDefault(partner, List.of())
                  .forEach(f -> before.add(f.id()));
            }
          }
        }
      }
      out.add(before.isEmpty() ? step : step.alsoAfter(before));
    }
    return out;
  }

  /**
   * Whether {@code rule} puts {@code first} before {@code then}, SNs paired as {@code partners}.
   */
  static boolean applies(OrderRule rule, Step first, Step then, Map<HostName, HostName> partners) {
    return switch (rule.scope()) {
      case ALL -> true;
      case SAME_HOST -> first.lane().equals(then.lane());
      case SHARED_NODES -> !Collections.disjoint(first.nodes(), then.nodes());
      case PARTNER_SN ->
          first.lane().equals(partners.get(then.lane())) && first.lane().compareTo(then.lane()) < 0;
    };
  }

  /** The steps in dependency order, ties broken by id. */
  static List<Step> order(List<Step> steps) {
    Map<String, Step> byId = new TreeMap<>();
    Dag<String> dag = new Dag<>();
    for (Step step : steps) {
      if (byId.put(step.id(), step) != null) {
        throw new IllegalStateException("two steps named " + step.id());
      }
      dag.add(step.id());
    }
    for (Step step : steps) {
      step.after().forEach(before -> dag.edge(before, step.id()));
    }
    return dag.order().stream().map(byId::get).toList();
  }

  /** {@code properties} as {@link Map#toString()} writes them: {@code {a=1, b=2}}. */
  private static void properties(StringBuilder text, Map<String, String> properties) {
    text.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (!first) {
        text.append(", ");
      }
      first = false;
      text.append(e.getKey()).append('=').append(e.getValue());
    }
    text.append('}');
  }

  /** SHA-256 of the spec's bytes and the observed state, in resource order. */
  static String fingerprint(byte[] specBytes, Map<ResourceId, Observed> observed) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(specBytes);
      Map<ResourceId, Observed> sorted =
          IdOrder.holds(observed) ? observed : new TreeMap<>(observed);
      // The text hashed is "\npresent ID {name=value, ...}", "\nabsent ID" or "\nunknown ID" per
      // resource, built in one buffer and hashed in large pieces: 100,000 resources at a time.
      StringBuilder text = new StringBuilder(1 << 16);
      for (Observed o : sorted.values()) {
        if (o instanceof Observed.Present p) {
          text.append("\npresent ").append(o.id()).append(' ');
          properties(text, p.resource().properties());
        } else if (o instanceof Observed.Absent) {
          text.append("\nabsent ").append(o.id());
        } else {
          text.append("\nunknown ").append(o.id());
        }
        if (text.length() >= 1 << 16) {
          sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
          text.setLength(0);
        }
      }
      sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
