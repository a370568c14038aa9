package dev.hasnctl.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps of resources that iterate in {@link ResourceId} order and look up by hash. A cluster of
 * 65,536 nodes has some 460,000 resource ids; a sorted tree compares ~19 of them per lookup, and
 * its entries cost more memory than a hash map's.
 */
public final class IdOrder {
  private IdOrder() {}

  /**
   * An unmodifiable copy of {@code map} in id order. Sorting costs one pass when {@code map}
   * already iterates in order, as another such copy does.
   */
  public static <V> Map<ResourceId, V> copy(Map<ResourceId, V> map) {
    List<ResourceId> ids = new ArrayList<>(map.keySet());
    Collections.sort(ids);
    Map<ResourceId, V> out = new LinkedHashMap<>(ids.size() * 4 / 3 + 1);
    for (ResourceId id : ids) {
      out.put(id, map.get(id));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Whether {@code map} iterates in id order. */
  public static boolean holds(Map<ResourceId, ?> map) {
    Iterator<ResourceId> ids = map.keySet().iterator();
    if (!ids.hasNext()) {
      return true;
    }
    ResourceId previous = ids.next();
    while (ids.hasNext()) {
      ResourceId next = ids.next();
      if (previous.compareTo(next) > 0) {
        return false;
      }
      previous = next;
    }
    return true;
  }
}
