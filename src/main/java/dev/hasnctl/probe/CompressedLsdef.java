package dev.hasnctl.probe;

import dev.hasnctl.model.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code lsdef ... -c}: {@code OBJECT: attr=value} lines, read one at a time as they arrive into
 * each object's attributes, so the output is never held whole: the EMS's {@code lsdef -t node -i
 * ATTRS -c} is 400,000 lines at 65,536 nodes. An object's lines need not come together. Values that
 * many objects share (a group's servicenode, its postscripts, {@code booted}) are kept once.
 */
final class CompressedLsdef implements Consumer<String> {
  /** How many distinct values are kept once; past that, each object keeps its own. */
  private static final int MAX_SHARED_VALUES = 4096;

  private final Map<String, Map<String, String>> objects = new HashMap<>();
  private final Map<String, String> shared = new HashMap<>();

  /** The object whose lines are being read, and what they said so far. */
  private String object;

  private final Map<String, String> attributes = new TreeMap<>();

  /** What the first line that is not {@code NODE: attr=value} said. */
  private String unreadable;

  /** The objects {@code lines} define. */
  static CompressedLsdef of(List<String> lines) {
    CompressedLsdef read = new CompressedLsdef();
    lines.forEach(read);
    return read;
  }

  @Override
  public void accept(String line) {
    if (unreadable != null || line.isBlank() || line.startsWith("Could not find")) {
      return;
    }
    int colon = line.indexOf(": ");
    int eq = line.indexOf('=', Math.max(colon, 0));
    if (colon <= 0 || eq < 0) {
      unreadable = "lsdef -c: expected 'object: attr=value', got: " + line;
      return;
    }
    if (object == null || colon != object.length() || !line.startsWith(object)) {
      finishObject();
      object = line.substring(0, colon);
      Map<String, String> earlier = objects.get(object);
      if (earlier != null) {
        attributes.putAll(earlier);
      }
    }
    attributes.put(shared(line.substring(colon + 2, eq)), shared(line.substring(eq + 1)));
  }

  /**
   * Each object's attributes, by object name.
   *
   * @throws Parsers.Unparseable naming the first line that is not {@code NODE: attr=value}
   */
  Map<String, Map<String, String>> read() throws Parsers.Unparseable {
    finishObject();
    if (unreadable != null) {
      throw new Parsers.Unparseable(unreadable);
    }
    return objects;
  }

  private void finishObject() {
    if (object != null) {
      objects.put(object, Resource.sharedProperties(attributes));
      attributes.clear();
      object = null;
    }
  }

  private String shared(String value) {
    String known = shared.get(value);
    if (known != null) {
      return known;
    }
    if (shared.size() < MAX_SHARED_VALUES) {
      shared.put(value, value);
    }
    return value;
  }
}
