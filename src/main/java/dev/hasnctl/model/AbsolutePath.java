package dev.hasnctl.model;

import java.util.regex.Pattern;

/** An absolute Unix path made only of characters that never need shell quoting. */
public record AbsolutePath(String value) implements Comparable<AbsolutePath> {
  private static final Pattern SAFE = Pattern.compile("/|(/[A-Za-z0-9._+-][A-Za-z0-9._+-]*)+/?");

  /** The regular expression an absolute path matches, also used by the JSON schema. */
  public static final String PATTERN = SAFE.pattern();

  public AbsolutePath {
    if (value == null
        || !SAFE.matcher(value).matches()
        || value.contains("/../")
        || value.endsWith("/..")) {
      throw new IllegalArgumentException("not a plain absolute path: '" + value + "'");
    }
  }

  /** Parses {@code value}, throwing {@link IllegalArgumentException} naming it when invalid. */
  public static AbsolutePath of(String value) {
    return new AbsolutePath(value);
  }

  /** Whether this path is {@code other} or lies below it. */
  public boolean isWithin(AbsolutePath other) {
    String base = other.value.endsWith("/") ? other.value : other.value + "/";
    String self = value.endsWith("/") ? value : value + "/";
    return self.startsWith(base);
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
