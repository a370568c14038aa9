package dev.hasnctl.plan;

import dev.hasnctl.model.ResourceId;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One difference between the spec and the cluster.
 *
 * @param before the observed properties; empty for a create
 * @param after the desired properties; empty for a delete
 * @param origin the JSON pointer of the spec value that asks for it; empty for a delete
 * @param note why the state is unknown, for {@link Action#BLOCKED}
 */
public record Change(
    ResourceId id,
    Action action,
    ChangeReason reason,
    SortedMap<String, String> before,
    SortedMap<String, String> after,
    Optional<String> origin,
    Optional<String> note) {

  public Change {
    before = Collections.unmodifiableSortedMap(new TreeMap<>(before));
    after = Collections.unmodifiableSortedMap(new TreeMap<>(after));
  }

  /** The properties whose values differ, with their before and after values. */
  public Map<String, String[]> changedProperties() {
    Map<String, String[]> out = new TreeMap<>();
    for (String key : after.keySet()) {
      if (!after.get(key).equals(before.get(key))) {
        out.put(key, new String[] {before.get(key), after.get(key)});
      }
    }
    for (String key : before.keySet()) {
      if (!after.containsKey(key)) {
        out.put(key, new String[] {before.get(key), null});
      }
    }
    return out;
  }
}
