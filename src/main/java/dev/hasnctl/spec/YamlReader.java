package dev.hasnctl.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads YAML 1.2 text into a JSON tree and a {@link SourceMap}, rejecting what a spec must never
 * be: tabs in indentation, duplicate keys, alias bombs, documents too deep or too large.
 */
final class YamlReader {
  /** Largest spec accepted; the 16,384-node example is well under 100 KiB. */
  static final int MAX_CHARS = 4 * 1024 * 1024;

  /** Bound on values after alias expansion, so a billion-laughs document cannot exhaust memory. */
  static final int MAX_VALUES = 200_000;

  private static final int MAX_DEPTH = 64;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String file;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final Map<String, SourceMap.Span> spans = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();
  private int values;

  private YamlReader(String file) {
    this.file = file;
  }

  /** The result of reading: the tree when the YAML was well-formed, and every problem found. */
  record Result(Optional<JsonNode> tree, SourceMap sourceMap, List<Diagnostic> problems) {}

  static Result read(String text, String file) {
    return new YamlReader(file).run(text);
  }

  private Result run(String text) {
    if (text.isBlank()) {
      problem(
          Position.startOf(file),
          "/",
          "yaml-empty",
          "the file is empty",
          "start from examples/cluster.yaml");
      return failed();
    }
    if (findTabIndent(text)) {
      return failed();
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true) // reported below with both positions
            .setMaxAliasesForCollections(50)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(MAX_CHARS)
            .setUseMarks(true)
            .build();
    Optional<Node> root;
    try {
      // The composer recurses once per nesting level; the event parser does not. Measure the
      // depth on the events first, so 2,000 nested '[' are refused instead of overflowing the
      // stack.
      if (tooDeep(new Parse(settings).parseString(text))) {
        return failed();
      }
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Position at = e.getProblemMark().map(this::position).orElse(Position.startOf(file));
      problem(
          at,
          "/",
          "yaml-syntax",
          e.getProblem() + (e.getContext() == null ? "" : " (" + e.getContext() + ")"),
          "fix the YAML syntax at this position");
      return failed();
    } catch (YamlEngineException e) {
      problem(
          Position.startOf(file),
          "/",
          "yaml-syntax",
          firstLine(e.getMessage()),
          "fix the YAML so it parses");
      return failed();
    }
    if (root.isEmpty()) {
      problem(
          Position.startOf(file),
          "/",
          "yaml-empty",
          "the file holds no YAML document",
          "start from examples/cluster.yaml");
      return failed();
    }
    JsonNode tree = convert(root.get(), "", 0);
    if (tree == null || !problems.isEmpty()) {
      return failed();
    }
    return new Result(Optional.of(tree), new SourceMap(file, spans, keys), List.copyOf(problems));
  }

  private Result failed() {
    return new Result(Optional.empty(), new SourceMap(file, spans, keys), List.copyOf(problems));
  }

  private boolean findTabIndent(String text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      } else if (c == '\t' && text.substring(lineStart, i).isBlank()) {
        problem(
            new Position(file, line, i - lineStart + 1, i),
            "/",
            "yaml-tab",
            "a tab in indentation; YAML indents with spaces only",
            "replace the tab with spaces");
        return true;
      }
    }
    return false;
  }

  private boolean tooDeep(Iterable<Event> events) {
    int depth = 0;
    for (Event event : events) {
      Event.ID id = event.getEventId();
      if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
        if (++depth > MAX_DEPTH) {
          problem(
              position(event.getStartMark().orElseThrow()),
              "/",
              "yaml-too-deep",
              "the document nests deeper than " + MAX_DEPTH + " levels here",
              "a cluster spec nests a few levels; remove the extra brackets or indentation");
          return true;
        }
      } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
        depth--;
      }
    }
    return false;
  }

  private JsonNode convert(Node node, String pointer, int depth) {
    if (++values > MAX_VALUES || depth > MAX_DEPTH) {
      if (problems.stream().noneMatch(d -> d.rule().startsWith("yaml-too-"))) {
        problem(
            position(node.getStartMark().orElseThrow()),
            pointer,
            values > MAX_VALUES ? "yaml-too-large" : "yaml-too-deep",
            values > MAX_VALUES
                ? "the document expands to more than " + MAX_VALUES + " values"
                : "the document nests deeper than " + MAX_DEPTH + " levels",
            "write the spec without deep aliases or nesting");
      }
      return null;
    }
    spans.putIfAbsent(
        pointer,
        new SourceMap.Span(
            position(node.getStartMark().orElseThrow()),
            position(node.getEndMark().orElseThrow())));
    if (node instanceof MappingNode mapping) {
      ObjectNode object = JSON.objectNode();
      Map<String, Position> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
          problem(
              position(tuple.getKeyNode().getStartMark().orElseThrow()),
              pointer,
              "yaml-key",
              "a mapping key must be a plain string",
              "use a plain name as the key");
          continue;
        }
        String key = keyNode.getValue();
        Position keyAt = position(keyNode.getStartMark().orElseThrow());
        Position earlier = seen.putIfAbsent(key, keyAt);
        if (earlier != null) {
          problem(
              keyAt,
              pointer + "/" + escape(key),
              "yaml-duplicate-key",
              "duplicate key '"
                  + Shown.value(key)
                  + "' (first at line "
                  + earlier.line()
                  + ", column "
                  + earlier.column()
                  + ")",
              "keep one of the two entries");
          continue;
        }
        String child = pointer + "/" + escape(key);
        keys.put(child, keyAt);
        JsonNode value = convert(tuple.getValueNode(), child, depth + 1);
        if (value == null) {
          return null;
        }
        object.set(key, value);
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = JSON.arrayNode();
      int index = 0;
      for (Node item : sequence.getValue()) {
        JsonNode value = convert(item, pointer + "/" + index++, depth + 1);
        if (value == null) {
          return null;
        }
        array.add(value);
      }
      return array;
    }
    return scalar((ScalarNode) node, pointer);
  }

  private JsonNode scalar(ScalarNode node, String pointer) {
    String text = node.getValue();
    Tag tag = node.getTag();
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      try {
        if (Tag.INT.equals(tag)) {
          return JSON.numberNode(Long.decode(text.replace("0o", "0")));
        }
        double number = Double.parseDouble(text);
        if (Double.isFinite(number)) {
          return JSON.numberNode(number);
        }
      } catch (NumberFormatException e) {
        if (text.toLowerCase(java.util.Locale.ROOT).matches("[-+]?\\.(inf|nan)")) {
          return JSON.stringNode(text); // .inf and .nan: the schema names the wrong type
        }
      }
      problem(
          position(node.getStartMark().orElseThrow()),
          pointer,
          "number-out-of-range",
          "the number " + Shown.value(text) + " is too large to be a value of this spec",
          "write a number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
      return JSON.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      return JSON.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
    }
    if (Tag.NULL.equals(tag)) {
      return JSON.nullNode();
    }
    return JSON.stringNode(text);
  }

  /** Escapes a key for a JSON pointer (RFC 6901). */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private Position position(Mark mark) {
    return new Position(file, mark.getLine() + 1, mark.getColumn() + 1, mark.getIndex());
  }

  private void problem(Position at, String pointer, String rule, String message, String fix) {
    problems.add(new Diagnostic(Severity.ERROR, rule, at, pointer, message, fix));
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable YAML" : message.lines().findFirst().orElse(message);
  }
}
