package dev.hasnctl.model;

import java.util.Map;
import java.util.SortedMap;

/**
 * A resource's desired (or observed) properties.
 *
 * @param properties attribute name to value, sorted by name
 * @param origin the JSON pointer of the spec value it comes from, for plans that cite the spec
 * @param checkOnly whether hasnctl only reports a difference and never changes it (software)
 */
public record Resource(
    ResourceId id, SortedMap<String, String> properties, String origin, boolean checkOnly) {
  public Resource {
    properties = PropertyMap.of(properties);
  }

  /**
   * {@code properties} as a resource holds them. Resources made with the result share it: at 65,536
   * nodes, each group's few maps serve 460,000 resources, made and kept once.
   */
  public static SortedMap<String, String> sharedProperties(Map<String, String> properties) {
    return PropertyMap.of(properties);
  }

  /** A managed resource. */
  public static Resource managed(ResourceId id, Map<String, String> properties, String origin) {
    return new Resource(id, PropertyMap.of(properties), origin, false);
  }

  /** A resource hasnctl checks and reports but never changes. */
  public static Resource checked(ResourceId id, Map<String, String> properties, String origin) {
    return new Resource(id, PropertyMap.of(properties), origin, true);
  }
}
