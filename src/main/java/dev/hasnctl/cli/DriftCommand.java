package dev.hasnctl.cli;

import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import dev.hasnctl.render.DriftMetrics;
import dev.hasnctl.render.DriftText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hasnctl drift}: does the cluster still match its spec? Probes and compares as plan does,
 * reports what differs, changes nothing; once, for cron, or every interval until stopped.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Check whether the cluster still matches the spec: probe it, compare, and report every "
          + "difference. Changes nothing. Once (for cron or CI), or --every interval until "
          + "stopped; --prometheus writes the result for node_exporter's textfile collector."
    },
    footer = {
      "",
      "Examples:",
      "  hasnctl drift cluster.yaml",
      "  hasnctl drift cluster.yaml --every 15m \\",
      "      --prometheus /var/lib/node_exporter/textfile_collector/hasnctl.prom",
      "",
      "Exit codes: 0 no drift, 1 error, 2 drift present, 3 some hosts could not be observed.",
      "With --every, the code of the last check (after --count checks)."
    })
final class DriftCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  /** The formats of a printed drift report. */
  enum Format {
    text,
    json
  }

  @Spec private CommandSpec command;

  @Parameters(paramLabel = "SPEC", description = "The cluster spec, e.g. cluster.yaml.")
  private Path specFile;

  @Mixin private TargetOptions target;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (${DEFAULT-VALUE}).")
  private Format format;

  @Option(names = "--no-color", description = "No colours, even on a terminal.")
  private boolean noColor;

  @Option(
      names = "--prometheus",
      paramLabel = "FILE",
      description =
          "Also write the result as Prometheus metrics into FILE (replaced atomically after "
              + "every check; name it *.prom in node_exporter's textfile directory).")
  private Path prometheus;

  @Option(
      names = "--every",
      paramLabel = "INTERVAL",
      description =
          "Check again every INTERVAL (e.g. 30s, 15m, 1h, 1h30m) until stopped; a check "
              + "that fails is reported and the next one runs.")
  private String every;

  @Option(names = "--count", paramLabel = "N", description = "With --every: stop after N checks.")
  private Integer count;

  @Override
  public Integer call() throws InterruptedException {
    Duration interval = every == null ? null : interval(every);
    if (count != null && (interval == null || count < 1)) {
      throw new CliFailure(
          interval == null ? "--count needs --every" : "--count must be at least 1, not " + count);
    }
    if (interval == null) {
      return check();
    }
    int code = ExitCodes.OK;
    for (int n = 1; count == null || n <= count; n++) {
      Instant started = Instant.now();
      try {
        code = check();
      } catch (RuntimeException e) {
        command.commandLine().getErr().println("hasnctl drift: " + e.getMessage());
        code = ExitCodes.ERROR;
      }
      if (count != null && n == count) {
        break;
      }
      Duration left = interval.minus(Duration.between(started, Instant.now()));
      if (!left.isNegative()) {
        Thread.sleep(left.toMillis());
      }
    }
    return code;
  }

  /** One check: probe, compare, report. */
  private int check() {
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    Instant started = Instant.now();
    Plan plan;
    try (Session session = Session.open(specFile, target, stderr)) {
      plan = session.plan(started);
      Instant checkedAt = Instant.now();
      stdout.print(
          switch (format) {
            case text ->
                DriftText.render(plan, checkedAt, session::source, !noColor && Terminal.colors());
            case json -> PlanJson.writeDrift(plan, checkedAt, session::source);
          });
      stdout.flush();
      metrics(DriftMetrics.of(specFile.toString(), plan, checkedAt, took(started)));
    } catch (RuntimeException e) {
      metrics(DriftMetrics.failed(specFile.toString(), Instant.now(), took(started)));
      throw e;
    }
    if (plan.blocked() > 0) {
      return ExitCodes.PARTIAL;
    }
    return plan.matches() ? ExitCodes.OK : ExitCodes.CHANGES;
  }

  private static Duration took(Instant started) {
    return Duration.between(started, Instant.now());
  }

  /** Replaces the metrics file whole, so the collector never reads half of it. */
  private void metrics(String text) {
    if (prometheus != null) {
      LocalFiles.replace(prometheus, text);
    }
  }

  /** Parses an interval such as {@code 30s}, {@code 15m} or {@code 1h30m}; at least a second. */
  static Duration interval(String text) {
    Matcher m = DURATION.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new CliFailure(
          "--every: '" + text + "' is not an interval such as 30s, 15m, 1h or 1h30m");
    }
    Duration d =
        Duration.ofHours(number(m.group(1)))
            .plusMinutes(number(m.group(2)))
            .plusSeconds(number(m.group(3)));
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new CliFailure("--every must be at least 1s, not " + text);
    }
    return d;
  }

  private static long number(String digits) {
    if (digits == null) {
      return 0;
    }
    if (digits.length() > 6) {
      throw new CliFailure("--every: " + digits + " is too large");
    }
    return Long.parseLong(digits);
  }
}
