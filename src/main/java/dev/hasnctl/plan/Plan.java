package dev.hasnctl.plan;

import dev.hasnctl.model.ResourceKind;
import java.time.Instant;
import java.util.List;

/**
 * A plan, as a value: the differences between spec and cluster, and the ordered steps that remove
 * them. Saved, rendered, compared; {@link #fingerprint} identifies the spec and observed state it
 * was made from, so a stale saved plan is refused.
 *
 * @param specFile the spec's path as the user gave it
 * @param createdAt when the plan was made; backups of edited files carry this time
 * @param fingerprint SHA-256 over the spec's bytes and the observed state
 * @param changes every difference, in resource order
 * @param steps the commands, each after every step it depends on; held ones included, marked
 * @param allowedDisruption the nodes (a noderange) the admin allowed to lose NFS, or empty
 */
public record Plan(
    String specFile,
    Instant createdAt,
    String fingerprint,
    List<Change> changes,
    List<Step> steps,
    String allowedDisruption) {
  public Plan {
    changes = List.copyOf(changes);
    steps = List.copyOf(steps);
  }

  /** A plan no admin allowed to disrupt anything. */
  public Plan(
      String specFile,
      Instant createdAt,
      String fingerprint,
      List<Change> changes,
      List<Step> steps) {
    this(specFile, createdAt, fingerprint, changes, steps, "");
  }

  /** The steps apply will not run: held, or after a held one. */
  public List<Step> held() {
    return steps.stream().filter(Step::isHeld).toList();
  }

  /** How many resources the plan creates. */
  public long toAdd() {
    return count(Action.CREATE);
  }

  /** How many it changes. */
  public long toChange() {
    return count(Action.UPDATE);
  }

  /** How many it removes. */
  public long toDestroy() {
    return count(Action.DELETE);
  }

  /** How many checks fail that need an admin (a missing ifix, an old level). */
  public long failedChecks() {
    return count(Action.REPORT) - unhealthyNodes();
  }

  /** How many running compute nodes are not as healthy as the spec asks (node-health findings). */
  public long unhealthyNodes() {
    return changes.stream()
        .filter(c -> c.action() == Action.REPORT && c.id().kind() == ResourceKind.NODE_HEALTH)
        .count();
  }

  /** How many resources could not be observed; nothing is planned for them. */
  public long blocked() {
    return count(Action.BLOCKED);
  }

  /** How many differences were seen: every change but those on resources not observed. */
  public long seen() {
    return changes.size() - blocked();
  }

  /** Whether applying the plan would change nothing. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** Whether the cluster matches the spec: no step, no failed check, nothing unobserved. */
  public boolean matches() {
    return changes.isEmpty();
  }

  private long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }
}
