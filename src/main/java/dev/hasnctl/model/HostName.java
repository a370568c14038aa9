package dev.hasnctl.model;

import java.util.regex.Pattern;

/**
 * A host name as xCAT and AIX use it: RFC 1123 labels separated by dots, at most 253 characters.
 *
 * <p>Because the alphabet is letters, digits, '-' and '.', a valid host name never needs shell
 * quoting; it is still quoted by {@link Argv} like every other argument.
 */
public record HostName(String value) implements Comparable<HostName> {
  private static final Pattern LABELS =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  /** The regular expression a host name matches, also used by the JSON schema. */
  public static final String PATTERN = LABELS.pattern();

  public HostName {
    if (value == null || !LABELS.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a valid host name: '" + value + "' (letters, digits, '-' and '.', labels of 1-63)");
    }
  }

  /** Parses {@code value}, throwing {@link IllegalArgumentException} naming it when invalid. */
  public static HostName of(String value) {
    return new HostName(value);
  }

  /** Whether {@code value} is a valid host name. */
  public static boolean isValid(String value) {
    return value != null && LABELS.matcher(value).matches();
  }

  /** The first label, as {@code hostname -s} prints it. */
  public String shortName() {
    int dot = value.indexOf('.');
    return dot < 0 ? value : value.substring(0, dot);
  }

  @Override
  public int compareTo(HostName other) {
    // Most comparisons (resources of one host, in a sorted map) are of equal names: equals is
    // much cheaper than a case-folding walk, and gives the same answer.
    return value.equals(other.value) ? 0 : value.compareToIgnoreCase(other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof HostName name && value.equals(name.value));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
