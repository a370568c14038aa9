package dev.hasnctl.desired;

import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects resources while a spec is expanded, recording conflicting duplicates. */
final class Expansion {
  private final Map<ResourceId, Resource> resources = new HashMap<>();
  private final List<String> conflicts = new ArrayList<>();

  void add(Resource resource) {
    Resource earlier = resources.putIfAbsent(resource.id(), resource);
    if (earlier != null && !earlier.properties().equals(resource.properties())) {
      conflicts.add(
          resource.id()
              + ": "
              + earlier.origin()
              + " asks "
              + earlier.properties()
              + " but "
              + resource.origin()
              + " asks "
              + resource.properties());
    }
  }

  Map<ResourceId, Resource> resources() {
    return resources;
  }

  List<String> conflicts() {
    return conflicts;
  }
}
