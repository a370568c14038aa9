package dev.hasnctl.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a spec as YAML text: Jackson's YAML generator writes the values, in the order of the given
 * tree; this class adds the {@code yaml-language-server} schema line, a header comment, a blank
 * line between top-level sections, and comments above the keys that need them. Pure.
 */
public final class SpecWriter {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .build();

  /** A list item that opens a list of plain words, as Jackson writes it: {@code - - sn01}. */
  private static final Pattern INNER_LIST = Pattern.compile("^( *)-   - ([A-Za-z0-9._-]+)$");

  private SpecWriter() {}

  /**
   * Lists of plain words inside a list (the pairs) in flow style, {@code - [sn01, sn02]}, as the
   * example writes them; the values are unchanged.
   */
  static String flowInnerLists(String yaml) {
    List<String> lines = Arrays.asList(yaml.split("\n", -1));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = INNER_LIST.matcher(lines.get(i));
      if (!m.matches()) {
        out.append(lines.get(i)).append(i + 1 < lines.size() ? "\n" : "");
        continue;
      }
      String more = m.group(1) + "    - ";
      List<String> words = new ArrayList<>(List.of(m.group(2)));
      while (i + 1 < lines.size()
          && lines.get(i + 1).startsWith(more)
          && lines.get(i + 1).substring(more.length()).matches("[A-Za-z0-9._-]+")) {
        words.add(lines.get(++i).substring(more.length()));
      }
      out.append(m.group(1)).append("- [").append(String.join(", ", words)).append("]\n");
    }
    return out.toString();
  }

  /**
   * The spec text.
   *
   * @param schema where editors find the spec's JSON schema (a path relative to the file, or URL)
   * @param header the header comment's lines, without {@code #}
   * @param tree the spec, as maps (in the order the keys are to be written), lists and scalars
   * @param comments JSON pointer ({@code /teal/password}, {@code /groups/0}) to the comment lines
   *     written above that key or list item; a pointer the tree lacks is an error
   */
  public static String write(
      String schema,
      List<String> header,
      Map<String, Object> tree,
      Map<String, List<String>> comments) {
    String body = flowInnerLists(YAML.writeValueAsString(tree));
    YamlReader.Result read = YamlReader.read(body, "import");
    List<String> lines = new ArrayList<>(Arrays.asList(body.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    // Line index (0-based) to the comment lines above it, applied bottom-up so indexes hold.
    TreeMap<Integer, List<String>> above = new TreeMap<>();
    comments.forEach(
        (pointer, text) -> {
          Position at =
              read.sourceMap()
                  .key(pointer)
                  .or(() -> read.sourceMap().span(pointer).map(SourceMap.Span::start))
                  .orElseThrow(
                      () -> new IllegalArgumentException("no " + pointer + " in the spec written"));
          String line = lines.get(at.line() - 1);
          String indent = line.substring(0, line.length() - line.stripLeading().length());
          List<String> out = above.computeIfAbsent(at.line() - 1, k -> new ArrayList<>());
          text.forEach(t -> out.add(indent + "# " + t));
        });
    for (String key : tree.keySet()) {
      if (key.equals("version") || key.equals("name")) {
        continue;
      }
      read.sourceMap()
          .key("/" + key)
          .ifPresent(at -> above.computeIfAbsent(at.line() - 1, k -> new ArrayList<>()).add(0, ""));
    }
    for (var entry : above.descendingMap().entrySet()) {
      lines.addAll(entry.getKey(), entry.getValue());
    }
    StringBuilder out = new StringBuilder("# yaml-language-server: $schema=" + schema + "\n#\n");
    header.forEach(h -> out.append(h.isEmpty() ? "#" : "# " + h).append('\n'));
    lines.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
