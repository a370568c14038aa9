package dev.hasnctl.probe;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What an {@code /etc/exports} line means, as opposed to how it is written. Pure. */
final class ExportMeaning {
  private ExportMeaning() {}

  /**
   * An exports line as a directory and its options: {@code DIR -opt,opt=value,...} (AIX exports
   * file format). Options are a set; a value is kept as written, so {@code replicas=A:B} is an
   * ordered list (the server's own replica first, as mknfsexp -g writes it). Empty when the line is
   * not of that form.
   */
  static Optional<Map.Entry<String, Map<String, String>>> parse(String line) {
    String[] parts = Words.splitTwo(line.strip());
    if (parts.length == 0 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> options = new TreeMap<>();
    if (parts.length == 2) {
      if (!parts[1].startsWith("-")) {
        return Optional.empty();
      }
      for (String option : parts[1].substring(1).split(",", -1)) {
        if (option.isEmpty()) {
          continue;
        }
        int eq = option.indexOf('=');
        String name = eq < 0 ? option : option.substring(0, eq);
        String value = eq < 0 ? "" : option.substring(eq + 1);
        if (options.containsKey(name) && !options.get(name).equals(value)) {
          return Optional.empty();
        }
        options.put(name, value);
      }
    }
    return Optional.of(Map.entry(parts[0], options));
  }

  /** {@code wanted} when {@code shown} exports the same directory with the same options. */
  static String exportLine(String shown, String wanted) {
    Optional<Map.Entry<String, Map<String, String>>> have = parse(shown);
    return have.isPresent() && have.equals(parse(wanted)) ? wanted : shown.strip();
  }
}
