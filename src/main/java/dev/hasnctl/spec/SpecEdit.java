package dev.hasnctl.spec;

import dev.hasnctl.model.HostName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The smallest text edits of a spec file that change which SN of a group is active, everything else
 * (comments, layout, anchors, key order) left byte for byte as it was. Pure.
 */
public final class SpecEdit {
  private SpecEdit() {}

  /**
   * The file after making every group now served by {@code sn} be served by its partner.
   *
   * @param groups the names of the groups that changed, in file order
   */
  public record Result(String text, List<String> groups) {
    public Result {
      groups = List.copyOf(groups);
    }
  }

  /** One replacement of {@code [start, end)} by {@code text}. */
  private record Edit(int start, int end, String text) {}

  /**
   * Moves the groups {@code sn} serves to their other SN ({@code failover}): {@code active:
   * primary} becomes {@code backup} and the other way round; a group without an {@code active} key
   * gets one after its {@code backup} line, indented like it.
   *
   * @throws IllegalArgumentException when a group is written in a form this edit cannot change
   *     without rewriting it (a flow mapping), naming the group
   */
  public static Result moveAwayFrom(String text, ClusterSpec spec, SourceMap map, HostName sn) {
    return flip(text, spec, map, group -> group.activeServiceNode().equals(sn));
  }

  /**
   * Moves the groups whose primary is {@code sn}, now served by their backup, back to it ({@code
   * failback}).
   */
  public static Result moveBackTo(String text, ClusterSpec spec, SourceMap map, HostName sn) {
    return flip(
        text,
        spec,
        map,
        group -> group.primary().equals(sn) && group.active() == ComputeGroup.Active.BACKUP);
  }

  private static Result flip(
      String text,
      ClusterSpec spec,
      SourceMap map,
      java.util.function.Predicate<ComputeGroup> which) {
    List<Edit> edits = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < spec.groups().size(); i++) {
      ComputeGroup group = spec.groups().get(i);
      if (!which.test(group)) {
        continue;
      }
      String to = group.active() == ComputeGroup.Active.PRIMARY ? "backup" : "primary";
      edits.add(activeEdit(text, map, "/groups/" + i, group.name(), to));
      changed.add(group.name());
    }
    edits.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder out = new StringBuilder(text);
    for (Edit edit : edits) {
      out.replace(edit.start(), edit.end(), edit.text());
    }
    return new Result(out.toString(), changed);
  }

  private static Edit activeEdit(
      String text, SourceMap map, String group, String name, String value) {
    Optional<SourceMap.Span> existing = map.span(group + "/active");
    if (existing.isPresent()) {
      return new Edit(existing.get().start().offset(), existing.get().end().offset(), value);
    }
    Position backupKey =
        map.key(group + "/backup")
            .orElseThrow(
                () -> new IllegalArgumentException("group " + name + " has no backup key"));
    SourceMap.Span backupValue = map.span(group + "/backup").orElseThrow();
    int lineStart = text.lastIndexOf('\n', backupKey.offset() - 1) + 1;
    String indent = text.substring(lineStart, backupKey.offset());
    if (!indent.isBlank() && !indent.strip().equals("-")) {
      throw new IllegalArgumentException(
          "group "
              + name
              + " is written as a flow mapping; add 'active: "
              + value
              + "' to it by hand");
    }
    int lineEnd = text.indexOf('\n', backupValue.end().offset());
    int insertAt = lineEnd < 0 ? text.length() : lineEnd + 1;
    String prefix = lineEnd < 0 ? "\n" : "";
    return new Edit(
        insertAt, insertAt, prefix + " ".repeat(indent.length()) + "active: " + value + "\n");
  }
}
