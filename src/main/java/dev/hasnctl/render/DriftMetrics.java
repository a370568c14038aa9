package dev.hasnctl.render;

import dev.hasnctl.plan.Action;
import dev.hasnctl.plan.Change;
import dev.hasnctl.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A drift check in the Prometheus text exposition format, for node_exporter's textfile collector:
 * whether the cluster drifted, how many differences of each action, which host and kind, and when
 * the check ran. A check that could not run at all is a file too, with {@code success} 0, so an
 * alert fires on a check that keeps failing as on drift.
 */
public final class DriftMetrics {
  private static final String PREFIX = "hasnctl_drift_";

  private DriftMetrics() {}

  /** The metrics of a check of {@code specFile} that produced {@code plan}. */
  public static String of(String specFile, Plan plan, Instant finishedAt, Duration took) {
    String spec = "spec=\"" + escape(specFile) + "\"";
    StringBuilder out = new StringBuilder();
    run(out, spec, true, finishedAt, took);
    gauge(
        out,
        "detected",
        "Whether the cluster differs from its spec (1) or matches it (0).",
        "{" + spec + "}",
        plan.seen() > 0 ? 1 : 0);
    header(out, "changes", "Differences between the cluster and its spec, by what a plan does.");
    for (Action action : Action.values()) {
      long n = plan.changes().stream().filter(c -> c.action() == action).count();
      sample(out, "changes", "{" + spec + ",action=\"" + label(action) + "\"}", n);
    }
    Map<String, Long> byHostAndKind = new TreeMap<>();
    for (Change change : plan.changes()) {
      if (change.action() != Action.BLOCKED) {
        byHostAndKind.merge(
            "host=\""
                + escape(change.id().host().value())
                + "\",kind=\""
                + escape(change.id().kind().label())
                + "\"",
            1L,
            Long::sum);
      }
    }
    header(out, "resources", "Resources that differ from the spec, by host and kind.");
    byHostAndKind.forEach(
        (labels, n) -> sample(out, "resources", "{" + spec + "," + labels + "}", n));
    return out.toString();
  }

  /** The metrics of a check of {@code specFile} that failed before it could compare anything. */
  public static String failed(String specFile, Instant finishedAt, Duration took) {
    StringBuilder out = new StringBuilder();
    run(out, "spec=\"" + escape(specFile) + "\"", false, finishedAt, took);
    return out.toString();
  }

  private static void run(
      StringBuilder out, String spec, boolean success, Instant finishedAt, Duration took) {
    String labels = "{" + spec + "}";
    gauge(
        out,
        "success",
        "Whether the last check ran to the end (1) or failed (0).",
        labels,
        success ? 1 : 0);
    seconds(
        out,
        "last_run_timestamp_seconds",
        "When the last check finished, in Unix time.",
        labels,
        finishedAt.toEpochMilli());
    seconds(out, "run_duration_seconds", "How long the last check took.", labels, took.toMillis());
  }

  /** A gauge in seconds, from {@code millis}, to the millisecond. */
  private static void seconds(
      StringBuilder out, String name, String help, String labels, long millis) {
    header(out, name, help);
    out.append(PREFIX)
        .append(name)
        .append(labels)
        .append(' ')
        .append(String.format(Locale.ROOT, "%.3f", millis / 1000.0))
        .append('\n');
  }

  private static void gauge(StringBuilder out, String name, String help, String labels, long v) {
    header(out, name, help);
    sample(out, name, labels, v);
  }

  private static void header(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(PREFIX).append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(PREFIX).append(name).append(" gauge\n");
  }

  private static void sample(StringBuilder out, String name, String labels, long value) {
    out.append(PREFIX).append(name).append(labels).append(' ').append(value).append('\n');
  }

  private static String label(Action action) {
    return switch (action) {
      case REPORT -> "check_failed";
      case BLOCKED -> "unknown";
      default -> action.name().toLowerCase(Locale.ROOT);
    };
  }

  /** A label value as the exposition format wants it: backslash, quote and newline escaped. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
