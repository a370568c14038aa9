package dev.hasnctl.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xCAT noderange expansion: comma-separated elements, each a node or group name, a bracket range
 * {@code cn[0001-0512]} (zero padding kept), or a dash range {@code cn01-cn10}.
 *
 * <p>Expansion is bounded by {@link #MAX_NODES} so a typo like {@code cn[1-99999999]} is an error,
 * not an out-of-memory.
 */
public final class Noderange {
  /** The most nodes one noderange may name. */
  public static final int MAX_NODES = 100_000;

  private static final Pattern BRACKET = Pattern.compile("(.*?)\\[(\\d+)-(\\d+)\\](.*)");
  private static final Pattern DASH = Pattern.compile("([A-Za-z][A-Za-z0-9_.]*?)(\\d+)-\\1(\\d+)");
  private static final Pattern NUMBERED = Pattern.compile("(.*?[^0-9])([0-9]{1,18})");

  private Noderange() {}

  /** Expands {@code range} with no groups defined. */
  public static List<String> expand(String range) {
    return expand(range, name -> Optional.empty());
  }

  /**
   * Expands {@code range}, resolving names through {@code groups} (a name without members is a
   * node), in order, without duplicates.
   *
   * @throws IllegalArgumentException naming the offending element when the range does not parse or
   *     names more than {@link #MAX_NODES} nodes
   */
  public static List<String> expand(String range, Function<String, Optional<List<String>>> groups) {
    if (range == null || range.isBlank()) {
      throw new IllegalArgumentException("empty noderange");
    }
    Set<String> nodes = new LinkedHashSet<>();
    for (String element : range.split(",", -1)) {
      expandElement(element.trim(), groups, nodes);
    }
    return List.copyOf(nodes);
  }

  private static void expandElement(
      String element, Function<String, Optional<List<String>>> groups, Set<String> out) {
    if (element.isEmpty()) {
      throw new IllegalArgumentException("empty element in noderange (two commas in a row?)");
    }
    // The checks for '[' and '-' spare the patterns the plain names a range expands into.
    Matcher bracket = element.indexOf('[') < 0 ? null : BRACKET.matcher(element);
    if (bracket != null && bracket.matches()) {
      String prefix = bracket.group(1);
      String suffix = bracket.group(4);
      List<String> numbers = numbers(element, bracket.group(2), bracket.group(3));
      for (String number : numbers) {
        expandElement(prefix + number + suffix, groups, out);
      }
      return;
    }
    Matcher dash = element.indexOf('-') < 0 ? null : DASH.matcher(element);
    if (dash != null && dash.matches()) {
      for (String number : numbers(element, dash.group(2), dash.group(3))) {
        add(out, dash.group(1) + number, element);
      }
      return;
    }
    if (!isName(element)) {
      throw new IllegalArgumentException(
          "'" + element + "' is not a node name, group, cn[0001-0128] or cn01-cn10 range");
    }
    Optional<List<String>> members = groups.apply(element);
    if (members.isPresent()) {
      for (String member : members.get()) {
        add(out, member, element);
      }
    } else {
      add(out, element, element);
    }
  }

  private static List<String> numbers(String element, String from, String to) {
    long start = Long.parseLong(from);
    long end = Long.parseLong(to);
    if (from.length() > 9 || to.length() > 9 || end < start) {
      throw new IllegalArgumentException("bad range in '" + element + "': " + from + "-" + to);
    }
    if (end - start + 1 > MAX_NODES) {
      throw new IllegalArgumentException(
          "'" + element + "' names " + (end - start + 1) + " nodes, more than " + MAX_NODES);
    }
    int width = from.length() == to.length() && from.startsWith("0") ? from.length() : 0;
    List<String> numbers = new ArrayList<>((int) (end - start + 1));
    for (long n = start; n <= end; n++) {
      numbers.add(padded(n, width));
    }
    return numbers;
  }

  /** {@code n} with leading zeros to {@code width} digits, as {@code %0WIDTHd} prints it. */
  private static String padded(long n, int width) {
    String digits = Long.toString(n);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** Whether {@code element} is a name: {@code [A-Za-z0-9][A-Za-z0-9_.-]*}. */
  private static boolean isName(String element) {
    if (element.isEmpty() || !letterOrDigit(element.charAt(0))) {
      return false;
    }
    for (int i = 1; i < element.length(); i++) {
      char c = element.charAt(i);
      if (!letterOrDigit(c) && c != '_' && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean letterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static void add(Set<String> out, String node, String element) {
    out.add(node);
    if (out.size() > MAX_NODES) {
      throw new IllegalArgumentException(
          "noderange names more than " + MAX_NODES + " nodes (at '" + element + "')");
    }
  }

  /**
   * The shortest noderange naming exactly {@code nodes}, the inverse of {@link #expand(String)}:
   * runs of names that differ only in a numeric suffix of one width become {@code cn[0001-0128]};
   * other names stay as they are. Elements are in order of first appearance.
   */
  public static String compress(Collection<String> nodes) {
    List<String> elements = new ArrayList<>();
    String runPrefix = null;
    int width = 0;
    long first = 0;
    long last = 0;
    for (String node : new LinkedHashSet<>(nodes)) {
      Matcher m = NUMBERED.matcher(node);
      if (m.matches()
          && runPrefix != null
          && m.group(1).equals(runPrefix)
          && m.group(2).length() == width
          && Long.parseLong(m.group(2)) == last + 1) {
        last++;
        continue;
      }
      if (runPrefix != null) {
        elements.add(run(runPrefix, width, first, last));
        runPrefix = null;
      }
      if (m.matches()) {
        runPrefix = m.group(1);
        width = m.group(2).length();
        first = Long.parseLong(m.group(2));
        last = first;
      } else {
        elements.add(node);
      }
    }
    if (runPrefix != null) {
      elements.add(run(runPrefix, width, first, last));
    }
    return String.join(",", elements);
  }

  private static String run(String prefix, int width, long first, long last) {
    String from = String.format(Locale.ROOT, "%0" + width + "d", first);
    if (first == last) {
      return prefix + from;
    }
    return prefix + "[" + from + "-" + String.format(Locale.ROOT, "%0" + width + "d", last) + "]";
  }
}
