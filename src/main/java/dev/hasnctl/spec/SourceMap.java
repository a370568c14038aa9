package dev.hasnctl.spec;

import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a loaded spec sits in its file, keyed by JSON pointer ({@code /groups/0/
 * primary}). Used for diagnostics and for editing the file in place with comments kept.
 */
public final class SourceMap {
  private final String file;
  private final Map<String, Span> values;
  private final Map<String, Position> keys;

  SourceMap(String file, Map<String, Span> values, Map<String, Position> keys) {
    this.file = file;
    this.values = Map.copyOf(values);
    this.keys = Map.copyOf(keys);
  }

  /** An empty map for text that did not parse. */
  static SourceMap empty(String file) {
    return new SourceMap(file, Map.of(), Map.of());
  }

  /** The file the spec was read from, as given on the command line. */
  public String file() {
    return file;
  }

  /** The value at {@code pointer}: from its first character to just past its last. */
  public Optional<Span> span(String pointer) {
    return Optional.ofNullable(values.get(pointer));
  }

  /** Where the key that names {@code pointer} starts, for mapping entries. */
  public Optional<Position> key(String pointer) {
    return Optional.ofNullable(keys.get(pointer));
  }

  /**
   * The best place to blame for {@code pointer}: its value, else the nearest enclosing value that
   * exists (a missing property is blamed on the object that lacks it).
   */
  public Position locate(String pointer) {
    String at = pointer;
    while (true) {
      Span span = values.get(at);
      if (span != null) {
        return span.start();
      }
      if (at.isEmpty()) {
        return Position.startOf(file);
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }

  /** A value's extent in the file. */
  public record Span(Position start, Position end) {}
}
