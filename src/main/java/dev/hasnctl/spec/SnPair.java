package dev.hasnctl.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.hasnctl.model.HostName;
import java.util.List;

/** Two service nodes that back each other up; written {@code [sn01, sn02]}. */
public record SnPair(HostName first, HostName second) {

  /** Binds the two-element YAML list; the schema has already checked its length. */
  @JsonCreator
  public static SnPair of(List<HostName> members) {
    if (members.size() != 2) {
      throw new IllegalArgumentException("a pair has exactly two service nodes: " + members);
    }
    return new SnPair(members.get(0), members.get(1));
  }

  /** The pair as its YAML list. */
  @JsonValue
  public List<HostName> members() {
    return List.of(first, second);
  }

  /** Whether {@code sn} is one of the two. */
  public boolean contains(HostName sn) {
    return first.equals(sn) || second.equals(sn);
  }

  /** The other member of the pair; {@code sn} must be a member. */
  public HostName partnerOf(HostName sn) {
    if (first.equals(sn)) {
      return second;
    }
    if (second.equals(sn)) {
      return first;
    }
    throw new IllegalArgumentException(sn + " is not in pair " + members());
  }
}
