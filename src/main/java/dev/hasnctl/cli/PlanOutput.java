package dev.hasnctl.cli;

import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import dev.hasnctl.render.PlanMarkdown;
import dev.hasnctl.render.PlanText;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** How a plan is printed: format and colour. */
final class PlanOutput {
  /** The formats of a printed plan. */
  enum Format {
    text,
    json,
    markdown
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or markdown (${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--no-color", description = "No colours, even on a terminal.")
  boolean noColor;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Text: every resource on its own line and every host on its own, instead of hosts "
              + "alike as one noderange and a host's unknowns of one cause as one line.")
  boolean verbose;

  String render(Plan plan, Function<String, Optional<String>> source) {
    return switch (format) {
      case text -> PlanText.render(plan, source, !noColor && Terminal.colors(), verbose);
      case json -> PlanJson.write(plan, source);
      case markdown -> PlanMarkdown.render(plan, source);
    };
  }
}
