package dev.hasnctl.render;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.NodeHealth;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Action;
import dev.hasnctl.plan.Change;
import dev.hasnctl.plan.Hold;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A plan as people read it in a terminal: the changes grouped by host with {@code + ~ - ! ?},
 * attribute changes as {@code before → after}, file contents as line diffs, then the ordered steps,
 * then the summary line. Colours only when asked (a terminal, no {@code --no-color}).
 */
public final class PlanText {
  private final Function<String, Optional<String>> source;
  private final Style style;
  private final StringBuilder out = new StringBuilder();

  private PlanText(Function<String, Optional<String>> source, boolean color) {
    this.source = source;
    this.style = new Style(color);
  }

  /**
   * Renders {@code plan}.
   *
   * @param source where a spec pointer is in the spec file, e.g. {@code cluster.yaml:12:3}
   */
  public static String render(Plan plan, Function<String, Optional<String>> source, boolean color) {
    return new PlanText(source, color).plan(plan);
  }

  /**
   * The changes alone, without colour or indentation, hosts as {@code # host} lines: the body of a
   * {@code diff} block in Markdown.
   */
  static String changesOnly(Plan plan, Function<String, Optional<String>> source) {
    PlanText text = new PlanText(source, false);
    text.changes(plan);
    StringBuilder out = new StringBuilder();
    for (String line : text.out.toString().split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      out.append(line.startsWith("  ") ? line.substring(2) : "# " + line).append('\n');
    }
    return out.toString();
  }

  /** The changes grouped by host, as in a plan but without its steps and summary. */
  static String changes(Plan plan, Function<String, Optional<String>> source, boolean color) {
    PlanText text = new PlanText(source, color);
    text.changes(plan);
    return text.out.toString();
  }

  /** The summary line, e.g. {@code Plan: 2 to add, 5 to change, 0 to destroy.} */
  public static String summary(Plan plan) {
    return "Plan: "
        + plan.toAdd()
        + " to add, "
        + plan.toChange()
        + " to change, "
        + plan.toDestroy()
        + " to destroy.";
  }

  private String plan(Plan plan) {
    if (plan.matches()) {
      return "No changes. The cluster matches " + plan.specFile() + ".\n";
    }
    out.append("hasnctl compared the cluster with ")
        .append(plan.specFile())
        .append(". Legend: ")
        .append(style.action(Action.CREATE, "+ create"))
        .append("  ")
        .append(style.action(Action.UPDATE, "~ update"))
        .append("  ")
        .append(style.action(Action.DELETE, "- destroy"))
        .append("  ")
        .append(style.action(Action.REPORT, "! check failed"))
        .append("  ")
        .append(style.action(Action.BLOCKED, "? unknown"))
        .append("\n");
    changes(plan);
    steps(plan.steps());
    out.append('\n').append(style.bold(summary(plan))).append('\n');
    if (plan.failedChecks() > 0) {
      out.append(plan.failedChecks())
          .append(" check")
          .append(plan.failedChecks() == 1 ? "" : "s")
          .append(
              " failed: an admin must act (hasnctl reports software levels, never installs).\n");
    }
    NodeFindings.lines(plan).forEach(line -> out.append(line).append('\n'));
    long roots = plan.held().stream().filter(st -> st.hold().orElseThrow().count() > 0).count();
    if (!plan.held().isEmpty()) {
      out.append(plan.held().size())
          .append(plan.held().size() == 1 ? " step is" : " steps are")
          .append(" HELD to protect running nodes (")
          .append(roots)
          .append(" would strand them, the rest wait for those): apply will not run them.\n");
    }
    if (plan.blocked() > 0) {
      out.append(plan.blocked())
          .append(" resource")
          .append(plan.blocked() == 1 ? " was" : "s were")
          .append(" not observed: nothing is planned for ")
          .append(plan.blocked() == 1 ? "it" : "them")
          .append(" until a plan can see ")
          .append(plan.blocked() == 1 ? "it" : "them")
          .append(".\n");
    }
    return out.toString();
  }

  private void changes(Plan plan) {
    Map<HostName, List<Change>> byHost = new TreeMap<>();
    List<Change> health = new ArrayList<>();
    for (Change c : plan.changes()) {
      if (c.id().kind() == ResourceKind.NODE_HEALTH) {
        health.add(c);
      } else {
        byHost.computeIfAbsent(c.id().host(), h -> new ArrayList<>()).add(c);
      }
    }
    byHost.forEach(
        (host, changes) -> {
          out.append('\n').append(style.bold(host.value())).append('\n');
          grouped(changes).forEach(this::change);
        });
    if (!health.isEmpty()) {
      // Node health lives on each node; nodes that fare alike are one line, as a noderange.
      out.append('\n').append(style.bold("running compute nodes")).append('\n');
      grouped(health).forEach(this::change);
    }
  }

  /** Changes to many nodes that are alike, shown once with their noderange. */
  private record Group(Change first, List<String> keys) {}

  private static List<Group> grouped(List<Change> changes) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Change change : changes) {
      boolean perNode =
          change.id().kind() == ResourceKind.NODE
              || change.id().kind() == ResourceKind.DISKLESS_NODE
              || change.id().kind() == ResourceKind.NODE_HEALTH;
      String signature =
          perNode
              ? change.id().kind()
                  + "|"
                  + change.action()
                  + "|"
                  + change.before()
                  + "|"
                  + change.after()
                  + "|"
                  + change.origin()
                  + "|"
                  + change.note()
              : change.id().toString();
      groups
          .computeIfAbsent(signature, s -> new Group(change, new ArrayList<>()))
          .keys()
          .add(change.id().key());
    }
    return List.copyOf(groups.values());
  }

  private void change(Group group) {
    Change change = group.first();
    String key = group.keys().size() == 1 ? shown(change) : Noderange.compress(group.keys());
    out.append("  ")
        .append(
            style.action(
                change.action(),
                change.action().symbol() + " " + change.id().kind().label() + " " + key));
    List<String> notes = new ArrayList<>();
    if (group.keys().size() > 1) {
      notes.add(group.keys().size() + " nodes");
    }
    change.origin().flatMap(source).ifPresent(notes::add);
    if (!notes.isEmpty()) {
      out.append("  ").append(style.dim("(" + String.join(", ", notes) + ")"));
    }
    out.append('\n');
    switch (change.action()) {
      case BLOCKED ->
          out.append("      unknown: ").append(change.note().orElse("not observed")).append('\n');
      case REPORT -> {
        if (change.id().kind() == ResourceKind.NODE_HEALTH) {
          health(change);
        } else {
          properties(change);
          out.append(
              "      hasnctl never installs software: install or update it, then plan again\n");
        }
      }
      default -> properties(change);
    }
  }

  /** A node-health finding: not responding, or what differs from a healthy node of its group. */
  private void health(Change change) {
    if ("no".equals(change.before().get(NodeHealth.RESPONDING))) {
      out.append("      not responding: xCAT says it runs, and it did not answer xdsh\n");
    } else {
      properties(change);
    }
    out.append("      hasnctl checks running nodes and never changes them\n");
  }

  /** A key as an admin reads it: statelite and litefile rows without their internal separator. */
  private static String shown(Change change) {
    String key = change.id().key();
    int bar = key.indexOf('|');
    if (bar < 0) {
      return key;
    }
    String first = key.substring(0, bar);
    String second = key.substring(bar + 1);
    return switch (change.id().kind()) {
      case STATELITE -> second.isEmpty() ? first : first + " (image " + second + ")";
      case LITEFILE -> second + " (image " + first + ")";
      default -> key;
    };
  }

  private void properties(Change change) {
    for (Map.Entry<String, String[]> p : change.changedProperties().entrySet()) {
      String before = p.getValue()[0];
      String after = p.getValue()[1];
      if ((before != null && before.contains("\n")) || (after != null && after.contains("\n"))) {
        out.append("      ").append(p.getKey()).append(":\n");
        for (LineDiff.Line line : LineDiff.between(nullToEmpty(before), nullToEmpty(after))) {
          String text = "        " + line.mark() + line.text();
          out.append(
                  line.mark() == '+'
                      ? style.action(Action.CREATE, text)
                      : line.mark() == '-' ? style.action(Action.DELETE, text) : text)
              .append('\n');
        }
      } else {
        out.append("      ")
            .append(p.getKey())
            .append(": ")
            .append(before == null ? "(none)" : quote(before))
            .append(" → ")
            .append(after == null ? "(removed)" : quote(after))
            .append('\n');
      }
    }
  }

  private void steps(List<Step> steps) {
    if (steps.isEmpty()) {
      out.append("\nNo steps: nothing here is hasnctl's to change.\n");
      return;
    }
    out.append('\n').append(style.bold("Steps, in order (" + steps.size() + "):")).append('\n');
    int width = Integer.toString(steps.size()).length();
    int hostWidth = steps.stream().mapToInt(s -> s.host().value().length()).max().orElse(0);
    int n = 0;
    for (Step step : steps) {
      String number = String.format(java.util.Locale.ROOT, "%" + width + "d", ++n);
      out.append("  ")
          .append(number)
          .append("  ")
          .append(String.format(java.util.Locale.ROOT, "%-" + hostWidth + "s", step.host().value()))
          .append("  ")
          .append(step.command().toShell())
          .append('\n')
          .append(" ".repeat(width + hostWidth + 6))
          .append(style.dim("# " + step.why()))
          .append('\n');
      step.hold().ifPresent(hold -> held(hold, width + hostWidth + 6));
    }
  }

  /** A held step's reason and ways out, under it. */
  private void held(Hold hold, int indent) {
    String pad = " ".repeat(indent);
    out.append(pad).append(style.action(Action.DELETE, "HELD: " + hold.reason())).append('\n');
    for (String way : hold.waysOut()) {
      out.append(pad).append("  ").append(way).append('\n');
    }
  }

  private static String quote(String value) {
    return "\"" + value + "\"";
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
