package dev.hasnctl.plan;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Compares desired and observed state into changes. Pure. */
public final class Diff {
  private Diff() {}

  /**
   * The changes that take {@code observed} to {@code desired}, in resource order.
   *
   * <p>Contract for {@code observed}: every desired resource should have an entry (a missing one is
   * treated as unknown, never as absent); resources present but not desired must come only from
   * namespaces hasnctl owns, since they become deletions.
   */
  public static List<Change> between(DesiredState desired, Map<ResourceId, Observed> observed) {
    List<Change> changes = new ArrayList<>();
    // Looked up, not copied: at 65,536 nodes both maps hold 460,000 resources.
    int matched = 0;
    for (Resource want : desired.resources().values()) {
      Observed have = observed.get(want.id());
      if (have == null) {
        have = new Observed.Unknown(want.id(), "not probed");
      } else {
        matched++;
      }
      compare(want, have).ifPresent(changes::add);
    }
    Map<ResourceId, Observed> extras = new TreeMap<>();
    if (matched < observed.size()) {
      observed.forEach(
          (id, seen) -> {
            if (desired.get(id).isEmpty()) {
              extras.put(id, seen);
            }
          });
    }
    for (Observed extra : extras.values()) {
      if (extra instanceof Observed.Present present && !present.resource().checkOnly()) {
        changes.add(
            new Change(
                extra.id(),
                Action.DELETE,
                ChangeReason.NOT_IN_SPEC,
                present.resource().properties(),
                new TreeMap<>(),
                Optional.empty(),
                Optional.empty()));
      }
    }
    changes.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(changes);
  }

  private static Optional<Change> compare(Resource want, Observed have) {
    Optional<String> origin = Optional.of(want.origin());
    if (have instanceof Observed.Unknown unknown) {
      return Optional.of(
          new Change(
              want.id(),
              Action.BLOCKED,
              ChangeReason.UNOBSERVED,
              new TreeMap<>(),
              want.properties(),
              origin,
              Optional.of(unknown.reason())));
    }
    if (have instanceof Observed.Absent
        && (want.id().kind() == ResourceKind.RUNNING_NODE
            || want.id().kind() == ResourceKind.NODE_HEALTH
            || want.id().kind() == ResourceKind.DB2_CONNECTION)) {
      // A node that has not booted from xCAT runs nothing to correct or check; booting it is the
      // admin's. (A node xCAT says runs but that does not answer is observed as not responding.)
      // The TEAL utility node alike: a connection check needs the node installed and running.
      return Optional.empty();
    }
    if (have instanceof Observed.Absent
        && want.id().kind() == ResourceKind.SOFTWARE
        && want.id().key().startsWith(ResourceKind.FILESET_KEY)) {
      // A fileset level on the TEAL utility node: absent only when the node did not answer (a
      // fileset that is not installed is observed as such), so there is nothing running to check.
      return Optional.empty();
    }
    if (have instanceof Observed.Absent && want.id().kind() == ResourceKind.NIM_RESOURCES) {
      // An SN holds no copy of the image yet: mkdsklsnode makes it for the first node defined
      // there, with the NIM primary's nfs_vers (aixinstall.pm make_SN_resource), so the plan's
      // diskless-node steps create it; only a copy that exists can differ.
      return Optional.empty();
    }
    if (have instanceof Observed.Absent) {
      Action action = want.checkOnly() ? Action.REPORT : Action.CREATE;
      ChangeReason reason = want.checkOnly() ? ChangeReason.CHECK_FAILED : ChangeReason.MISSING;
      return Optional.of(
          new Change(
              want.id(),
              action,
              reason,
              new TreeMap<>(),
              want.properties(),
              origin,
              Optional.empty()));
    }
    Resource current = ((Observed.Present) have).resource();
    if (current.properties().equals(want.properties())) {
      return Optional.empty();
    }
    Action action = want.checkOnly() ? Action.REPORT : Action.UPDATE;
    ChangeReason reason = want.checkOnly() ? ChangeReason.CHECK_FAILED : ChangeReason.DIFFERS;
    return Optional.of(
        new Change(
            want.id(),
            action,
            reason,
            current.properties(),
            want.properties(),
            origin,
            Optional.empty()));
  }
}
