package dev.hasnctl.render;

import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import java.util.Optional;
import java.util.function.Function;

/** A plan as Markdown, to paste into a merge request that changes the spec. */
public final class PlanMarkdown {
  private PlanMarkdown() {}

  /** Renders {@code plan}; {@code source} locates spec pointers as in {@link PlanText}. */
  public static String render(Plan plan, Function<String, Optional<String>> source) {
    StringBuilder out = new StringBuilder();
    out.append("### hasnctl plan for `").append(plan.specFile()).append("`\n\n");
    if (plan.matches()) {
      return out.append("No changes. The cluster matches `")
          .append(plan.specFile())
          .append("`.\n")
          .toString();
    }
    out.append("**").append(PlanText.summary(plan)).append("**");
    if (plan.failedChecks() > 0) {
      out.append(" ").append(plan.failedChecks()).append(" failed checks need an admin.");
    }
    if (plan.blocked() > 0) {
      out.append(" ").append(plan.blocked()).append(" resources were not observed.");
    }
    out.append("\n\n<details><summary>Changes (")
        .append(plan.changes().size())
        .append(")</summary>\n\n```diff\n")
        .append(PlanText.changesOnly(plan, source))
        .append("```\n\n</details>\n\n");
    if (plan.steps().isEmpty()) {
      return out.append("No steps.\n").toString();
    }
    out.append("| # | Host | Command | Why |\n|---:|---|---|---|\n");
    int n = 0;
    for (Step step : plan.steps()) {
      out.append("| ")
          .append(++n)
          .append(" | ")
          .append(step.host().value())
          .append(" | ")
          .append(code(step.command().toShell()))
          .append(" | ")
          .append(cell(step.why() + step.hold().map(h -> " — **HELD**: " + h.reason()).orElse("")))
          .append(" |\n");
    }
    return out.append("\nPlan fingerprint `").append(plan.fingerprint()).append("`.\n").toString();
  }

  /** Inline code that survives any backticks and pipes in the command. */
  private static String code(String text) {
    String fence = text.contains("`") ? "``" : "`";
    return fence + " " + cell(text) + " " + fence;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
