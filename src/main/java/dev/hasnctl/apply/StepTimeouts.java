package dev.hasnctl.apply;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Step;
import java.time.Duration;

/**
 * How long a step may run before apply gives up on it: the apply's timeout, plus, for a step that
 * writes paging files, the time to write their bytes at {@link #FLOOR_MIB_PER_SECOND} — slower than
 * any GPFS the seed's clusters have, so a healthy write never times out.
 */
final class StepTimeouts {
  /** The slowest write rate a paging step is given time for. */
  static final long FLOOR_MIB_PER_SECOND = 50;

  private StepTimeouts() {}

  /** {@code base}, plus the time {@code step}'s paging files take to write at the floor rate. */
  static Duration of(Step step, DesiredState desired, Duration base) {
    long mib = 0;
    for (var id : step.verifies()) {
      if (id.kind() == ResourceKind.PAGING_FILE) {
        mib +=
            desired.get(id).map(r -> r.properties().get("sizeMiB")).map(Long::parseLong).orElse(0L);
      }
    }
    return base.plusSeconds(mib / FLOOR_MIB_PER_SECOND);
  }
}
