package dev.hasnctl.render;

import dev.hasnctl.plan.Action;
import dev.hasnctl.plan.Plan;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A drift check as an admin reads it in a terminal or a cron mail: one line saying whether the
 * cluster still matches its spec, then what differs, grouped by host as in a plan, and what to run.
 */
public final class DriftText {
  private DriftText() {}

  /**
   * Renders the drift {@code plan} found at {@code checkedAt}.
   *
   * @param source where a spec pointer is in the spec file, e.g. {@code cluster.yaml:12:3}
   */
  public static String render(
      Plan plan, Instant checkedAt, Function<String, Optional<String>> source, boolean color) {
    if (plan.matches()) {
      return "No drift: the cluster matches " + plan.specFile() + " (checked " + checkedAt + ").\n";
    }
    long drifted = plan.seen();
    StringBuilder out = new StringBuilder();
    if (drifted > 0) {
      out.append(new Style(color).bold("Drift:"))
          .append(" the cluster differs from ")
          .append(plan.specFile())
          .append(" in ")
          .append(count(drifted, "resource"))
          .append(" on ")
          .append(count(hosts(plan, false), "host"))
          .append(" (checked ")
          .append(checkedAt)
          .append(").\n");
    } else {
      out.append("No drift seen where hasnctl could look (checked ")
          .append(checkedAt)
          .append(").\n");
    }
    NodeFindings.lines(plan).forEach(line -> out.append(line).append('\n'));
    out.append(PlanText.changes(plan, source, color)).append('\n');
    if (plan.blocked() > 0) {
      out.append(count(plan.blocked(), "resource"))
          .append(" could not be observed on ")
          .append(hosts(plan, true))
          .append(" host(s): drift there is unknown.\n");
    }
    if (drifted > 0) {
      out.append("Nothing was changed. `hasnctl plan ")
          .append(plan.specFile())
          .append("` shows the steps that remove the drift; `hasnctl apply` runs them.\n");
    }
    return out.toString();
  }

  /** How many hosts have changes that were (or, {@code blocked}, could not be) observed. */
  private static long hosts(Plan plan, boolean blocked) {
    return plan.changes().stream()
        .filter(c -> (c.action() == Action.BLOCKED) == blocked)
        .map(c -> c.id().host())
        .distinct()
        .count();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
