package dev.hasnctl.apply;

import java.util.List;
import java.util.Optional;

/**
 * What an apply did.
 *
 * @param results every step that ran, in the order they ended
 * @param skipped steps already done by an earlier run (resume)
 * @param notRun steps that did not run because an earlier step failed
 */
public record ApplyReport(List<StepResult> results, List<String> skipped, List<String> notRun) {
  public ApplyReport {
    results = List.copyOf(results);
    skipped = List.copyOf(skipped);
    notRun = List.copyOf(notRun);
  }

  /** The first step that failed, if one did. */
  public Optional<StepResult> failure() {
    return results.stream().filter(r -> !r.ok()).findFirst();
  }

  /** Whether every step ran and was verified. */
  public boolean succeeded() {
    return failure().isEmpty() && notRun.isEmpty();
  }
}
