package dev.hasnctl.spec;

/**
 * How a value from a spec is shown in a message: control and invisible formatting characters
 * escaped (so a value cannot move the cursor, clear the screen or forge a line of output), and a
 * long value cut, saying its length.
 */
public final class Shown {
  /** Characters of a value shown before it is cut. */
  public static final int MAX_SHOWN = 80;

  private Shown() {}

  /** {@code value} escaped and cut at {@link #MAX_SHOWN} characters, its length then said. */
  public static String value(String value) {
    if (value.codePointCount(0, value.length()) <= MAX_SHOWN) {
      return escape(value);
    }
    int end = value.offsetByCodePoints(0, MAX_SHOWN);
    return escape(value.substring(0, end))
        + "... ("
        + value.codePointCount(0, value.length())
        + " characters)";
  }

  /**
   * {@code text} with every control, format (bidi, zero-width) and unassigned code point written as
   * an escape: {@code \e}, {@code \n}, {@code \t}, {@code \r}, {@code \\u200e} and so on. Printable
   * text is unchanged.
   */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String escaped = escapeOf(cp);
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.appendCodePoint(cp);
        }
      }
      i += Character.charCount(cp);
    }
    return out == null ? text : out.toString();
  }

  private static String escapeOf(int cp) {
    String named =
        switch (cp) {
          case 0x1b -> "\\e";
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          default -> null;
        };
    if (named != null) {
      return named;
    }
    int type = Character.getType(cp);
    boolean invisible =
        type == Character.CONTROL
            || type == Character.FORMAT
            || type == Character.UNASSIGNED
            || type == Character.SURROGATE
            || type == Character.PRIVATE_USE
            || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR;
    if (!invisible) {
      return null;
    }
    return cp <= 0xff ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp);
  }
}
