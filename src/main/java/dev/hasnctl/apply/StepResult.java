package dev.hasnctl.apply;

import dev.hasnctl.plan.Step;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * How one step ended.
 *
 * @param exitCode the command's exit code; empty when it never finished (transport failure)
 * @param detail for a failure, what went wrong: stderr, the transport's reason, or the resource
 *     whose postcondition does not hold
 */
public record StepResult(
    Step step, Outcome outcome, OptionalInt exitCode, String detail, Duration took) {

  /** The ways a step ends. */
  public enum Outcome {
    /** The command succeeded and every resource it verifies matches the spec. */
    OK,
    /**
     * A resumed step whose earlier run's end is not known: its postcondition already holds, so it
     * was not run again.
     */
    ALREADY_DONE,
    /** The command exited non-zero. */
    FAILED,
    /** The command could not be run or did not finish (unreachable, timeout, dropped). */
    UNREACHABLE,
    /** The command succeeded but a probe shows the cluster still differs from the spec. */
    NOT_VERIFIED,
    /** Running or verifying the step failed in an unexpected way (the detail names the cause). */
    CRASHED
  }

  /** Whether the step did what it is for. */
  public boolean ok() {
    return outcome == Outcome.OK || outcome == Outcome.ALREADY_DONE;
  }
}
