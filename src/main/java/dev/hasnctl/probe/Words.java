package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts command output into fields and lines without regular expressions: the probe reads hundreds
 * of thousands of lines from a large cluster, and {@code String.split("\\s+")} compiles a pattern
 * for each one.
 */
final class Words {
  private Words() {}

  /**
   * The fields of {@code line} between runs of whitespace, exactly as {@code line.split("\\s+",
   * -1)}: leading or trailing whitespace gives an empty first or last field.
   */
  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = line.length();
    while (i < n) {
      if (space(line.charAt(i))) {
        out.add(line.substring(start, i));
        while (i < n && space(line.charAt(i))) {
          i++;
        }
        start = i;
      } else {
        i++;
      }
    }
    out.add(line.substring(start));
    return out.toArray(new String[0]);
  }

  /** Whether {@code s} is one or more ASCII digits, as {@code s.matches("\\d+")}. */
  static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code line} cut at its first run of whitespace, exactly as {@code line.split("\\s+", 2)}: one
   * field when there is none.
   */
  static String[] splitTwo(String line) {
    int n = line.length();
    for (int i = 0; i < n; i++) {
      if (space(line.charAt(i))) {
        int j = i;
        while (j < n && space(line.charAt(j))) {
          j++;
        }
        return new String[] {line.substring(0, i), line.substring(j)};
      }
    }
    return new String[] {line};
  }

  /** The whitespace {@code \s} matches: space, tab, newline, vertical tab, form feed, return. */
  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
