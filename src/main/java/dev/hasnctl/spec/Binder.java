package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Binds a schema-valid spec tree to the immutable {@link ClusterSpec} records. */
final class Binder {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .addModule(
              new SimpleModule("hasnctl-spec")
                  .addDeserializer(HostName.class, scalar(HostName.class, HostName::new))
                  .addDeserializer(
                      AbsolutePath.class, scalar(AbsolutePath.class, AbsolutePath::new)))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Binder() {}

  /** Builds what binding needs (the mapper, and its deserializers of the spec's records) now. */
  static void prepare() {
    MAPPER.readerFor(ClusterSpec.class);
  }

  /**
   * The records for {@code tree}.
   *
   * @throws DatabindException naming the path of a value the records reject
   */
  static ClusterSpec bind(JsonNode tree) {
    return MAPPER.treeToValue(tree, ClusterSpec.class);
  }

  private static <T> StdScalarDeserializer<T> scalar(Class<T> type, Function<String, T> parse) {
    return new StdScalarDeserializer<>(type) {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) {
        String text = parser.getValueAsString();
        try {
          return parse.apply(text);
        } catch (IllegalArgumentException e) {
          return context.reportInputMismatch(this, "%s", e.getMessage());
        }
      }
    };
  }
}
