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
import java.util.regex.Pattern;

/**
 * A plan as people read it in a terminal: the changes grouped by host with {@code + ~ - ! ?},
 * attribute changes as {@code before → after}, file contents as line diffs, then the ordered steps,
 * then the summary line. Colours only when asked (a terminal, no {@code --no-color}).
 */
public final class PlanText {
  /**
   * A host's unknowns sharing one reason are shown as one line from this many on, unless verbose:
   * fewer read better one by one.
   */
  private static final int SUMMED_UNKNOWNS = 4;

  /** Stands for the host's own name in a host's rendered changes, until hosts alike are merged. */
  private static final String SELF = "\u0000";

  private final Function<String, Optional<String>> source;
  private final Style style;
  private final boolean verbose;
  private final StringBuilder out = new StringBuilder();

  private PlanText(Function<String, Optional<String>> source, boolean color, boolean verbose) {
    this.source = source;
    this.style = new Style(color);
    this.verbose = verbose;
  }

  /**
   * Renders {@code plan}, with what is alike grouped: hosts whose changes are the same (compute
   * nodes, mostly) under one noderange, and a host's many unknowns of one cause as one line.
   *
   * @param source where a spec pointer is in the spec file, e.g. {@code cluster.yaml:12:3}
   */
  public static String render(Plan plan, Function<String, Optional<String>> source, boolean color) {
    return render(plan, source, color, false);
  }

  /**
   * Renders {@code plan}; {@code verbose} shows every resource and every host on its own.
   *
   * @param source where a spec pointer is in the spec file, e.g. {@code cluster.yaml:12:3}
   */
  public static String render(
      Plan plan, Function<String, Optional<String>> source, boolean color, boolean verbose) {
    return new PlanText(source, color, verbose).plan(plan);
  }

  /**
   * The changes alone, without colour or indentation, hosts as {@code # host} lines: the body of a
   * {@code diff} block in Markdown.
   */
  static String changesOnly(Plan plan, Function<String, Optional<String>> source) {
    PlanText text = new PlanText(source, false, false);
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
    PlanText text = new PlanText(source, color, false);
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
    // Each host's changes are rendered with its own name left out, so that hosts alike (512 nodes
    // not observed for one reason, 128 nodes needing one correction) show once, as a noderange.
    Map<String, List<String>> hostsByBody = new LinkedHashMap<>();
    byHost.forEach(
        (host, changes) -> {
          PlanText body = new PlanText(source, style.color(), verbose);
          body.host(host, changes);
          String text = body.out.toString();
          String key = verbose ? host.value() + "\n" + text : text;
          hostsByBody.computeIfAbsent(key, k -> new ArrayList<>()).add(host.value());
        });
    hostsByBody.forEach(
        (key, hosts) -> {
          String body = verbose ? key.substring(key.indexOf('\n') + 1) : key;
          String name = hosts.size() == 1 ? hosts.get(0) : Noderange.compress(hosts);
          out.append('\n').append(style.bold(name));
          if (hosts.size() > 1) {
            out.append("  ").append(style.dim("(" + hosts.size() + " hosts)"));
          }
          out.append('\n').append(body.replace(SELF, name));
        });
    if (!health.isEmpty()) {
      // Node health lives on each node; nodes that fare alike are one line, as a noderange.
      out.append('\n').append(style.bold("running compute nodes")).append('\n');
      grouped(health).forEach(group -> change(null, group)); // no host name to factor out
    }
  }

  /** One host's changes, its own name written as {@link #SELF}. */
  private void host(HostName host, List<Change> changes) {
    List<Change> shown = new ArrayList<>();
    Map<String, List<Change>> unknownByReason = new LinkedHashMap<>();
    for (Change change : changes) {
      if (change.action() == Action.BLOCKED && !verbose) {
        unknownByReason
            .computeIfAbsent(change.note().orElse("not observed"), r -> new ArrayList<>())
            .add(change);
      } else {
        shown.add(change);
      }
    }
    unknownByReason.forEach(
        (reason, unknown) -> {
          if (unknown.size() < SUMMED_UNKNOWNS) {
            shown.addAll(unknown);
          }
        });
    grouped(shown).forEach(group -> change(host, group));
    unknownByReason.forEach(
        (reason, unknown) -> {
          if (unknown.size() >= SUMMED_UNKNOWNS) {
            unknowns(host, reason, unknown);
          }
        });
  }

  /** Many unknowns of one host and one cause: how many of which kind, and the cause once. */
  private void unknowns(HostName host, String reason, List<Change> unknown) {
    Map<String, Integer> byKind = new TreeMap<>();
    unknown.forEach(c -> byKind.merge(c.id().kind().label(), 1, Integer::sum));
    List<String> kinds = new ArrayList<>();
    byKind.forEach((kind, n) -> kinds.add(n + " " + kind));
    out.append("  ")
        .append(
            style.action(
                Action.BLOCKED, "? " + unknown.size() + " resources not observed on " + SELF))
        .append("  ")
        .append(style.dim("(" + String.join(", ", kinds) + ")"))
        .append('\n')
        .append("      unknown: ")
        .append(self(host, reason))
        .append('\n');
  }

  /**
   * {@code text} with {@code host}'s name as {@link #SELF}, so hosts alike render alike; as it is
   * when there is no host to merge with others ({@code null}).
   */
  private String self(HostName host, String text) {
    if (host == null || verbose || !text.contains(host.value())) {
      return text;
    }
    return Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(host.value()) + "(?![A-Za-z0-9-])")
        .matcher(text)
        .replaceAll(SELF);
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

  private void change(HostName host, Group group) {
    Change change = group.first();
    String key =
        group.keys().size() == 1 ? self(host, shown(change)) : Noderange.compress(group.keys());
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
          out.append("      unknown: ")
              .append(self(host, change.note().orElse("not observed")))
              .append('\n');
      case REPORT -> {
        if (change.id().kind() == ResourceKind.NODE_HEALTH) {
          health(change);
        } else if (change.id().kind() == ResourceKind.DB2_CONNECTION) {
          properties(change);
          out.append(
              "      fix: hasnctl apply corrects the TEAL image's client files and IP forwarding on"
                  + " the route; the node reads the files it was installed with, so then install it"
                  + " again from the image (mkdsklsnode) and boot it\n");
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
