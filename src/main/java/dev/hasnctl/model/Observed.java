package dev.hasnctl.model;

/**
 * What a probe saw of one resource: present with its properties, known absent, or unknown (host
 * unreachable, output unparseable) with the reason. Unknown is a state, never an exception.
 */
public sealed interface Observed permits Observed.Present, Observed.Absent, Observed.Unknown {
  /** The resource observed. */
  ResourceId id();

  /** The resource exists with these properties. */
  record Present(Resource resource) implements Observed {
    @Override
    public ResourceId id() {
      return resource.id();
    }
  }

  /** The resource is known not to exist. */
  record Absent(ResourceId id) implements Observed {}

  /** Nothing is known of the resource; {@code reason} says why, e.g. "sn03 unreachable". */
  record Unknown(ResourceId id, String reason) implements Observed {}
}
