package dev.hasnctl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON schema and the spec records describe the same keys, each with a description. */
class SchemaMatchesRecordsTest {
  private static final JsonNode SCHEMA = SchemaCheck.schemaNode();
  private static final Set<Class<?>> SCALARS =
      Set.of(
          String.class,
          Integer.class,
          int.class,
          Boolean.class,
          HostName.class,
          AbsolutePath.class);

  @Test
  void everyRecordComponentIsInTheSchemaAndBack() {
    List<String> mismatches = new ArrayList<>();
    compare(ClusterSpec.class, SCHEMA, "", mismatches);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everySchemaPropertyHasADescription() {
    List<String> missing = new ArrayList<>();
    describe(SCHEMA, "", missing);
    assertThat(missing).as("schema properties without a description").isEmpty();
  }

  private static void compare(Class<?> type, JsonNode schema, String at, List<String> out) {
    JsonNode object = resolve(schema);
    Set<String> schemaKeys = new TreeSet<>(object.path("properties").propertyNames());
    Set<String> recordKeys = new TreeSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      recordKeys.add(component.getName());
    }
    if (!schemaKeys.equals(recordKeys)) {
      out.add(
          at + ": schema " + schemaKeys + " vs record " + type.getSimpleName() + " " + recordKeys);
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      JsonNode property = resolve(object.path("properties").path(component.getName()));
      Type generic = component.getGenericType();
      Class<?> raw = component.getType();
      if (raw == List.class || raw == Optional.class) {
        Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
        if (raw == List.class) {
          property = resolve(property.path("items"));
        }
        raw =
            element instanceof Class<?> c
                ? c
                : (Class<?>) ((ParameterizedType) element).getRawType();
      }
      if (raw.isRecord() && !SCALARS.contains(raw) && raw != SnPair.class) {
        compare(raw, property, at + "/" + component.getName(), out);
      }
    }
  }

  private static void describe(JsonNode schema, String at, List<String> out) {
    JsonNode properties = schema.path("properties");
    for (String name : properties.propertyNames()) {
      JsonNode property = properties.path(name);
      if (!property.has("description")) {
        out.add(at + "/" + name);
      }
      describe(property, at + "/" + name, out);
      describe(property.path("items"), at + "/" + name + "/items", out);
    }
    JsonNode defs = schema.path("$defs");
    for (String name : defs.propertyNames()) {
      describe(defs.path(name), "#/$defs/" + name, out);
    }
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.path("$ref");
    return ref.isString() ? SCHEMA.at(ref.asString().substring(1)) : node;
  }
}
