package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The output of one probe script, cut at its marker lines ({@code @@hasnctl NAME}) into named
 * sections. A section whose command failed holds the line {@code @@hasnctl failed}; a file that
 * does not exist, {@code @@hasnctl absent}.
 */
final class Sections {
  static final String MARK = "@@hasnctl ";
  static final String FAILED = MARK + "failed";
  static final String ABSENT = MARK + "absent";

  /** The last line of a script run on many hosts at once: that host's output is complete. */
  static final String END = MARK + "end";

  private final Map<String, List<String>> sections;

  private Sections(Map<String, List<String>> sections) {
    this.sections = sections;
  }

  static Sections parse(List<String> lines) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : lines) {
      if (line.startsWith(MARK) && !line.equals(FAILED) && !line.equals(ABSENT)) {
        current = new ArrayList<>();
        out.put(line.substring(MARK.length()), current);
      } else if (current != null) {
        current.add(line);
      }
    }
    return new Sections(out);
  }

  /** The lines of section {@code name}; empty when the script never reached it. */
  Optional<List<String>> get(String name) {
    return Optional.ofNullable(sections.get(name));
  }

  /** Whether section {@code name} ran and its command did not fail. */
  boolean ok(String name) {
    return get(name).filter(lines -> !lines.contains(FAILED)).isPresent();
  }

  /** What section {@code name}'s command said when it failed; empty when it ran and succeeded. */
  Optional<String> failure(String name) {
    return get(name)
        .filter(lines -> lines.contains(FAILED))
        .map(
            lines ->
                String.join(" / ", lines.stream().filter(l -> !l.equals(FAILED)).toList()).strip());
  }

  /** Whether section {@code name} says its file does not exist. */
  boolean absent(String name) {
    return get(name).filter(lines -> lines.contains(ABSENT)).isPresent();
  }
}
