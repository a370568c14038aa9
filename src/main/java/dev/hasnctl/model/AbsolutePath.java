package dev.hasnctl.model;

/**
 * An absolute Unix path in normal form, made only of characters that never need shell quoting: no
 * {@code .} or {@code ..} segment and no repeated slash, so two spellings of one place are one
 * value and {@link #isWithin} can compare segments. A trailing slash (a litefile directory) is
 * kept.
 */
public record AbsolutePath(String value) implements Comparable<AbsolutePath> {
  /** Longest path accepted, as in the JSON schema. */
  public static final int MAX_LENGTH = 1024;

  public AbsolutePath {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "not a plain absolute path: '"
              + (value != null && value.length() > 80 ? value.substring(0, 80) + "..." : value)
              + "' (no '.' or '..' segments, no '//', letters, digits and . _ + - only)");
    }
  }

  /**
   * Whether {@code value} is an absolute path in normal form. Checked segment by segment, not with
   * a regular expression whose repetition would recurse once per segment of a hostile value.
   */
  public static boolean isValid(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || value.charAt(0) != '/') {
      return false;
    }
    int start = 1;
    while (start < value.length()) {
      int end = value.indexOf('/', start);
      if (end < 0) {
        end = value.length();
      }
      String segment = value.substring(start, end);
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        boolean plain =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '+'
                || c == '-';
        if (!plain) {
          return false;
        }
      }
      start = end + 1;
    }
    return true;
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
