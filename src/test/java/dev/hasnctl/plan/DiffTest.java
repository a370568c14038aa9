package dev.hasnctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffTest {
  private static final HostName SN = HostName.of("sn01");
  private static final ResourceId EXPORT = new ResourceId(SN, ResourceKind.EXPORT, "/install");
  private static final ResourceId IFIX = new ResourceId(SN, ResourceKind.SOFTWARE, "ifix:IV27038");
  private static final ResourceId OLD = new ResourceId(SN, ResourceKind.EXPORT, "/install/nim");

  private static DesiredState desired() {
    return new DesiredState(
        Map.of(
            EXPORT,
                Resource.managed(EXPORT, Map.of("line", "/install -replicas=a,vers=4"), "/pairs"),
            IFIX, Resource.checked(IFIX, Map.of("installed", "yes"), "/software")),
        List.of());
  }

  @Test
  void matchingStateHasNoChanges() {
    Map<ResourceId, Observed> observed = new HashMap<>();
    desired().list().forEach(r -> observed.put(r.id(), new Observed.Present(r)));
    assertThat(Diff.between(desired(), observed)).isEmpty();
  }

  @Test
  void missingManagedIsCreatedMissingCheckedIsOnlyReported() {
    Map<ResourceId, Observed> observed =
        Map.of(EXPORT, new Observed.Absent(EXPORT), IFIX, new Observed.Absent(IFIX));
    assertThat(Diff.between(desired(), observed))
        .extracting(Change::id, Change::action, Change::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EXPORT, Action.CREATE, ChangeReason.MISSING),
            org.assertj.core.groups.Tuple.tuple(IFIX, Action.REPORT, ChangeReason.CHECK_FAILED));
  }

  @Test
  void differingPropertiesAreAnUpdateWithBeforeAndAfter() {
    Resource stale = Resource.managed(EXPORT, Map.of("line", "/install -vers=3"), "");
    Map<ResourceId, Observed> observed =
        Map.of(
            EXPORT,
            new Observed.Present(stale),
            IFIX,
            new Observed.Present(desired().get(IFIX).orElseThrow()));
    Change change = Diff.between(desired(), observed).get(0);
    assertThat(change.action()).isEqualTo(Action.UPDATE);
    assertThat(change.changedProperties().get("line"))
        .containsExactly("/install -vers=3", "/install -replicas=a,vers=4");
    assertThat(change.origin()).contains("/pairs");
  }

  @Test
  void unknownOrUnprobedStateBlocksInsteadOfGuessing() {
    Map<ResourceId, Observed> observed =
        Map.of(EXPORT, new Observed.Unknown(EXPORT, "sn01 unreachable"));
    List<Change> changes = Diff.between(desired(), observed);
    assertThat(changes).extracting(Change::action).containsExactly(Action.BLOCKED, Action.BLOCKED);
    assertThat(changes.get(0).note()).contains("sn01 unreachable");
    assertThat(changes.get(1).note()).contains("not probed");
  }

  @Test
  void observedResourcesTheSpecDoesNotWantAreDeleted() {
    Map<ResourceId, Observed> observed = new HashMap<>();
    desired().list().forEach(r -> observed.put(r.id(), new Observed.Present(r)));
    observed.put(
        OLD, new Observed.Present(Resource.managed(OLD, Map.of("line", "/install/nim -ro"), "")));
    assertThat(Diff.between(desired(), observed))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.action()).isEqualTo(Action.DELETE);
              assertThat(change.reason()).isEqualTo(ChangeReason.NOT_IN_SPEC);
              assertThat(change.after()).isEmpty();
            });
  }
}
