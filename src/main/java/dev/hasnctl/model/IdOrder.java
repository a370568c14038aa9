package dev.hasnctl.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
   * An unmodifiable copy of {@code map} in id order. The ids are sorted host by host: a cluster has
   * a few resources per host, so the hosts (16,000 of them at 16,000 nodes) are sorted once and
   * each host's handful apart, not 100,000 ids against each other.
   */
  public static <V> Map<ResourceId, V> copy(Map<ResourceId, V> map) {
    if (holds(map)) {
      // Already in order, as the probe hands its observations over: one pass.
      return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
    Map<HostName, List<ResourceId>> byHost = new HashMap<>();
    List<ResourceId> last = null;
    HostName lastHost = null;
    for (ResourceId id : map.keySet()) {
      // Ids of one host mostly come together: look the host up once per run of them.
      if (!id.host().equals(lastHost)) {
        lastHost = id.host();
        last = byHost.computeIfAbsent(lastHost, h -> new ArrayList<>());
      }
      last.add(id);
    }
    List<HostName> hosts = new ArrayList<>(byHost.keySet());
    Collections.sort(hosts);
    Map<ResourceId, V> out = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    for (int i = 0; i < hosts.size(); ) {
      List<ResourceId> ids = byHost.get(hosts.get(i));
      int next = i + 1;
      // Names that differ only in case sort as one host (HostName's order): their ids together.
      while (next < hosts.size() && hosts.get(next).compareTo(hosts.get(i)) == 0) {
        ids.addAll(byHost.get(hosts.get(next++)));
      }
      Collections.sort(ids);
      for (ResourceId id : ids) {
        out.put(id, map.get(id));
      }
      i = next;
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
