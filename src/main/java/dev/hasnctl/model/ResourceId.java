package dev.hasnctl.model;

/** What a resource is and where it lives: a host, a kind and a key unique within both. */
public record ResourceId(HostName host, ResourceKind kind, String key)
    implements Comparable<ResourceId> {
  public ResourceId {
    if (host == null || kind == null || key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a resource needs a host, a kind and a key");
    }
  }

  @Override
  public int compareTo(ResourceId other) {
    // By host, then kind, then key; written out, as sorted maps of 100,000 ids call it millions
    // of times.
    int byHost = host.compareTo(other.host);
    if (byHost != 0) {
      return byHost;
    }
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : key.compareTo(other.key);
  }

  // equals and hashCode written out: hash maps of half a million ids call them millions of times,
  // and the record's generated ones go through a method handle each time.
  @Override
  public boolean equals(Object other) {
    return other == this
        || (other instanceof ResourceId id
            && kind == id.kind
            && key.equals(id.key)
            && host.equals(id.host));
  }

  @Override
  public int hashCode() {
    return (host.hashCode() * 31 + kind.label().hashCode()) * 31 + key.hashCode();
  }

  @Override
  public String toString() {
    return host + " " + kind.label() + " " + key;
  }
}
