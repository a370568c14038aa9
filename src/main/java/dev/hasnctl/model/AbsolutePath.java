package dev.hasnctl.model;

import java.util.regex.Pattern;

/**
 * An absolute Unix path in normal form, made only of characters that never need shell quoting: no
 * {@code .} or {@code ..} segment and no repeated slash, so two spellings of one place are one
 * value and {@link #isWithin} can compare segments. A trailing slash (a litefile directory) is
 * kept.
 */
public record AbsolutePath(String value) implements Comparable<AbsolutePath> {
  private static final Pattern SAFE = Pattern.compile("/|(/(?!\\.{1,2}(/|$))[A-Za-z0-9._+-]+)+/?");

  /** The regular expression an absolute path matches, also used by the JSON schema. */
  public static final String PATTERN = SAFE.pattern();

  public AbsolutePath {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a plain absolute path: '"
              + value
              + "' (no '.' or '..' segments, no '//', letters, digits and . _ + - only)");
    }
  }

  /** Parses {@code value}, throwing {@link IllegalArgumentException} naming it when invalid. */
  public static AbsolutePath of(String value) {
    return new AbsolutePath(value);
  }

  /** Whether this path is {@code other} or lies below it, segment by segment. */
  public boolean isWithin(AbsolutePath other) {
    String base = other.value.endsWith("/") ? other.value : other.value + "/";
    String self = value.endsWith("/") ? value : value + "/";
    return self.startsWith(base);
  }

  /** Whether this path lies strictly below {@code other}. */
  public boolean isBelow(AbsolutePath other) {
    return isWithin(other) && !withoutTrailingSlash().equals(other.withoutTrailingSlash());
  }

  /** This path without its trailing slash ({@code /} stays {@code /}). */
  public String withoutTrailingSlash() {
    return value.length() > 1 && value.endsWith("/")
        ? value.substring(0, value.length() - 1)
        : value;
  }

  /** This path with {@code child} appended. */
  public AbsolutePath resolve(String child) {
    return new AbsolutePath((value.endsWith("/") ? value : value + "/") + child);
  }

  @Override
  public int compareTo(AbsolutePath other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
