package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
  private final Map<String, Consumer<String>> readers;

  private Sections(Map<String, List<String>> sections, Map<String, Consumer<String>> readers) {
    this.sections = sections;
    this.readers = readers;
  }

  static Sections parse(List<String> lines) {
    Reader reader = new Reader(Map.of());
    lines.forEach(reader);
    return reader.sections();
  }

  /**
   * Sections cut from lines as they arrive (see {@code Transport.stream}). The lines of a section
   * named in its readers go to that section's reader instead of being kept: the EMS's lsdef of
   * 65,536 nodes is 400,000 lines, which are then never held all at once. Of such a section, only
   * the failure and absence markers and its last {@value #TAIL} lines are kept: what a failed
   * command said.
   */
  static final class Reader implements Consumer<String> {
    private static final int TAIL = 20;

    private final Map<String, List<String>> sections = new LinkedHashMap<>();
    private final Map<String, Consumer<String>> readers;
    private List<String> current;
    private Consumer<String> reader;

    /** Hands the lines of each section named in {@code readers} to its reader. */
    Reader(Map<String, ? extends Consumer<String>> readers) {
      this.readers = Map.copyOf(readers);
    }

    @Override
    public void accept(String line) {
      if (line.startsWith(MARK) && !line.equals(FAILED) && !line.equals(ABSENT)) {
        String name = line.substring(MARK.length());
        current = new ArrayList<>();
        sections.put(name, current);
        reader = readers.get(name);
      } else if (current != null) {
        current.add(line);
        if (reader != null && !line.equals(FAILED) && !line.equals(ABSENT)) {
          reader.accept(line);
          if (current.size() > TAIL) {
            dropFirstLine(current);
          }
        }
      }
    }

    /** The sections read so far. */
    Sections sections() {
      return new Sections(sections, readers);
    }

    private static void dropFirstLine(List<String> lines) {
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).equals(FAILED) && !lines.get(i).equals(ABSENT)) {
          lines.remove(i);
          return;
        }
      }
    }
  }

  /**
   * The reader section {@code name}'s lines went to, if the {@link Reader} had one and the section
   * ran; {@link #get} then holds only its last lines.
   */
  Optional<Consumer<String>> reader(String name) {
    return sections.containsKey(name) ? Optional.ofNullable(readers.get(name)) : Optional.empty();
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
