package dev.hasnctl.spec;

/** A place in a spec file: 1-based line and column, and the 0-based character offset. */
public record Position(String file, int line, int column, int offset) {
  /** The place to blame when nothing better is known: the file's first character. */
  public static Position startOf(String file) {
    return new Position(file, 1, 1, 0);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
