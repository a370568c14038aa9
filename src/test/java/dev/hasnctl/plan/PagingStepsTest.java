package dev.hasnctl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Paging files are written in steps sized by their bytes, so no step outlasts its timeout. */
class PagingStepsTest {
  private final ClusterSpec spec = SimClusters.example();
  private final DesiredState desired = DesiredState.of(spec);

  @Test
  void everyMissingPagingFileIsWrittenOnceInStepsOfAtMostOneTiB() {
    Map<ResourceId, Observed> observed = new TreeMap<>();
    desired
        .list()
        .forEach(
            r ->
                observed.put(
                    r.id(),
                    r.id().kind() == ResourceKind.PAGING_FILE
                        ? new Observed.Absent(r.id())
                        : new Observed.Present(r)));
    Plan plan =
        Planner.plan(
            spec,
            "cluster.yaml",
            "x".getBytes(StandardCharsets.UTF_8),
            desired,
            observed,
            Instant.parse("2026-11-25T03:00:00Z"));

    List<ResourceId> written = new ArrayList<>();
    List<Step> paging = plan.steps().stream().filter(s -> s.phase() == Phase.PAGING).toList();
    for (Step step : paging) {
      long mib =
          step.verifies().stream()
              .mapToLong(
                  id -> Long.parseLong(desired.get(id).orElseThrow().properties().get("sizeMiB")))
              .sum();
      assertThat(mib).as(step.id()).isLessThanOrEqualTo(HostSteps.PAGING_MIB_PER_STEP);
      assertThat(step.why()).endsWith("(" + mib / 1024 + " GiB)");
      written.addAll(step.verifies());
    }

    List<ResourceId> wanted =
        desired.list().stream()
            .map(r -> r.id())
            .filter(id -> id.kind() == ResourceKind.PAGING_FILE)
            .toList();
    assertThat(written).containsExactlyInAnyOrderElementsOf(wanted);
    // The example's nodes have 2 × 64 GiB: eight nodes, sixteen files, per step.
    assertThat(paging).allSatisfy(s -> assertThat(s.verifies()).hasSize(16));
  }
}
