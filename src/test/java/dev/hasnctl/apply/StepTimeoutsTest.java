package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Phase;
import dev.hasnctl.plan.Step;
import dev.hasnctl.testing.SimClusters;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepTimeoutsTest {
  private final DesiredState desired = DesiredState.of(SimClusters.example());
  private static final HostName SN01 = HostName.of("sn01");

  private static Step step(List<ResourceId> verifies) {
    return new Step(
        "s", SN01, SN01, Phase.PAGING, Set.of(), Argv.of("true"), "why", verifies, Set.of());
  }

  @Test
  void aPagingStepGetsTimeToWriteItsBytesAtTheFloorRateOnTopOfTheTimeout() {
    List<ResourceId> files =
        desired.list().stream()
            .map(r -> r.id())
            .filter(id -> id.kind() == ResourceKind.PAGING_FILE && id.host().equals(SN01))
            .limit(4)
            .toList();
    long mib =
        files.stream()
            .mapToLong(
                id -> Long.parseLong(desired.get(id).orElseThrow().properties().get("sizeMiB")))
            .sum();

    Duration timeout = StepTimeouts.of(step(files), desired, Duration.ofMinutes(30));

    assertThat(mib).isEqualTo(4 * 65_536);
    assertThat(timeout)
        .isEqualTo(Duration.ofMinutes(30).plusSeconds(mib / StepTimeouts.FLOOR_MIB_PER_SECOND));
  }

  @Test
  void aStepThatWritesNoPagingFileKeepsTheTimeout() {
    assertThat(StepTimeouts.of(step(List.of()), desired, Duration.ofMinutes(30)))
        .isEqualTo(Duration.ofMinutes(30));
  }
}
