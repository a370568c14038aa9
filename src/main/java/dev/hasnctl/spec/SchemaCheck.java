package dev.hasnctl.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a spec tree against {@code schema/cluster.schema.json} and turns each schema error into a
 * {@link Diagnostic} placed by the {@link SourceMap}, with a rule id and a fix.
 */
final class SchemaCheck {
  /** Classpath location of the schema; the build copies {@code schema/} there. */
  static final String RESOURCE = "/dev/hasnctl/schema/cluster.schema.json";

  /** Rule ids for values whose shape is one of the schema's named definitions. */
  private static final Map<String, String> DEF_RULES =
      Map.of(
          "hostName", "invalid-host-name",
          "absolutePath", "invalid-path",
          "name", "invalid-name",
          "ipv4", "invalid-address",
          "nodeService", "invalid-node-service",
          "gpfsDevice", "invalid-gpfs-device");

  private static final JsonNode SCHEMA_NODE = loadSchema();
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA_NODE);

  private SchemaCheck() {}

  /** The schema document, for tools that list the spec's keys. */
  static JsonNode schemaNode() {
    return SCHEMA_NODE;
  }

  static List<Diagnostic> check(JsonNode tree, SourceMap sourceMap) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Error error : SCHEMA.validate(tree)) {
      Diagnostic diagnostic = describe(error, tree, sourceMap);
      // One report per value: a wrong type also breaks its const/enum/pattern, which adds nothing.
      String key =
          error.getProperty() == null
              ? diagnostic.pointer()
              : diagnostic.pointer() + " " + error.getProperty();
      if (seen.add(key)) {
        out.add(diagnostic);
      }
    }
    out.sort(Comparator.comparingInt((Diagnostic d) -> d.position().offset()));
    return out;
  }

  private static Diagnostic describe(Error error, JsonNode tree, SourceMap sourceMap) {
    String pointer = pointer(error.getInstanceLocation());
    String where = pointer.isEmpty() ? "the spec" : "'" + pointer.substring(1) + "'";
    String schemaAt = pointer(error.getSchemaLocation().getFragment());
    JsonNode owner = at(SCHEMA_NODE, schemaAt.substring(0, Math.max(0, schemaAt.lastIndexOf('/'))));
    String keyword = error.getKeyword();
    return switch (keyword) {
      case "additionalProperties" -> {
        String key = error.getProperty();
        String child = pointer + "/" + YamlReader.escape(key);
        List<String> allowed = owner.path("properties").propertyNames().stream().toList();
        String fix =
            DidYouMean.closest(key, allowed)
                .map(best -> "did you mean '" + best + "'?")
                .orElse("remove it; allowed here: " + String.join(", ", allowed));
        yield diagnostic(
            "unknown-key",
            sourceMap.key(child).orElse(sourceMap.locate(pointer)),
            child,
            "unknown key '" + Shown.value(key) + "' in " + where,
            fix);
      }
      case "required" -> {
        String key = error.getProperty();
        String about = owner.path("properties").path(key).path("description").asString("");
        yield diagnostic(
            "missing-key",
            sourceMap.locate(pointer),
            pointer,
            where + " lacks required key '" + key + "'",
            "add '" + key + "'" + (about.isEmpty() ? "" : ": " + about));
      }
      default -> {
        String def = definitionName(schemaAt).orElse("");
        String rule =
            DEF_RULES.getOrDefault(
                def,
                "schema-" + keyword.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
        String expected = owner.path("description").asString("");
        JsonNode value = at(tree, pointer);
        String shown =
            value.isString()
                ? "'" + Shown.value(value.asString()) + "'"
                : Shown.value(value.toString());
        if (pointer.endsWith("/password")) {
          shown = "the value";
        }
        yield diagnostic(
            rule,
            sourceMap.locate(pointer),
            pointer,
            where + ": " + shown + " " + explain(error),
            expected.isEmpty() ? "see schema/cluster.schema.json" : "expected: " + expected);
      }
    };
  }

  private static String explain(Error error) {
    if (error.getKeyword().equals("pattern")) {
      return "is not allowed here";
    }
    String message = error.getMessage();
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }

  private static Optional<String> definitionName(String schemaPointer) {
    if (!schemaPointer.startsWith("/$defs/")) {
      return Optional.empty();
    }
    String rest = schemaPointer.substring("/$defs/".length());
    int slash = rest.indexOf('/');
    return Optional.of(slash < 0 ? rest : rest.substring(0, slash));
  }

  private static Diagnostic diagnostic(
      String rule, Position at, String pointer, String message, String fix) {
    return new Diagnostic(Severity.ERROR, rule, at, pointer, message, fix);
  }

  private static JsonNode at(JsonNode root, String pointer) {
    return pointer.isEmpty() ? root : root.at(pointer);
  }

  static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append('/')
          .append(
              element instanceof Integer
                  ? element.toString()
                  : YamlReader.escape(String.valueOf(element)));
    }
    return out.toString();
  }

  private static JsonNode loadSchema() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the jar: " + RESOURCE);
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
