package dev.hasnctl.model;

import java.util.Comparator;

/** What a resource is and where it lives: a host, a kind and a key unique within both. */
public record ResourceId(HostName host, ResourceKind kind, String key)
    implements Comparable<ResourceId> {
  private static final Comparator<ResourceId> ORDER =
      Comparator.comparing(ResourceId::host)
          .thenComparing(ResourceId::kind)
          .thenComparing(ResourceId::key);

  public ResourceId {
    if (host == null || kind == null || key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a resource needs a host, a kind and a key");
    }
  }

  @Override
  public int compareTo(ResourceId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return host + " " + kind.label() + " " + key;
  }
}
