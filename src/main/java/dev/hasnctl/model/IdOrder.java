package dev.hasnctl.model;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

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
    if (map instanceof Ordered) {
      // Made here, and never changed: the copy is the map itself.
      return map;
    }
    if (holds(map)) {
      // Already in order: one pass.
      return new Ordered<>(new LinkedHashMap<>(map));
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
    LinkedHashMap<ResourceId, V> out = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
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
    return new Ordered<>(out);
  }

  /**
   * {@code map} itself, unmodifiable, when it iterates in id order (one pass to check), else a
   * sorted copy, as {@link #copy}. The caller built {@code map} for this and must not change it
   * afterwards: the probe hands its observations over so, 460,000 of them at 65,536 nodes, which
   * are then not copied again.
   */
  @SuppressWarnings("NonApiType") // only a map that keeps its order can be kept as it is
  public static <V> Map<ResourceId, V> own(LinkedHashMap<ResourceId, V> map) {
    return holds(map) ? new Ordered<>(map) : copy(map);
  }

  /** Whether {@code map} iterates in id order. */
  public static boolean holds(Map<ResourceId, ?> map) {
    if (map instanceof Ordered) {
      return true;
    }
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

  /** An unmodifiable map in id order, made by this class: copied again, it is kept as it is. */
  private static final class Ordered<V> extends AbstractMap<ResourceId, V> {
    private final Map<ResourceId, V> map;

    /** {@code map} in id order, which no one changes any more. */
    @SuppressWarnings("NonApiType") // a map that keeps its order
    Ordered(LinkedHashMap<ResourceId, V> map) {
      this.map = Collections.unmodifiableMap(map);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public V get(Object key) {
      return map.get(key);
    }

    @Override
    public Set<ResourceId> keySet() {
      return map.keySet();
    }

    @Override
    public Collection<V> values() {
      return map.values();
    }

    @Override
    public Set<Map.Entry<ResourceId, V>> entrySet() {
      return map.entrySet();
    }

    @Override
    public void forEach(BiConsumer<? super ResourceId, ? super V> action) {
      map.forEach(action);
    }
  }
}
