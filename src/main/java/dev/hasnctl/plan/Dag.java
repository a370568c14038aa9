package dev.hasnctl.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A directed acyclic graph of named nodes: an edge {@code before -> after} means {@code after}
 * depends on {@code before}. Orders deterministically (smallest ready node first) and reports a
 * cycle by naming every member, starting from the smallest.
 *
 * <p>Not thread-safe; build it, then read it.
 */
public final class Dag<K extends Comparable<K>> {
  private final Map<K, Set<K>> successors = new TreeMap<>();
  private final Map<K, Set<K>> predecessors = new TreeMap<>();

  /** Adds {@code node} if absent. */
  public Dag<K> add(K node) {
    successors.computeIfAbsent(node, k -> new TreeSet<>());
    predecessors.computeIfAbsent(node, k -> new TreeSet<>());
    return this;
  }

  /** Declares that {@code after} must run after {@code before}; adds both if absent. */
  public Dag<K> edge(K before, K after) {
    add(before);
    add(after);
    successors.get(before).add(after);
    predecessors.get(after).add(before);
    return this;
  }

  /** The nodes {@code node} directly depends on. */
  public Set<K> dependenciesOf(K node) {
    return Collections.unmodifiableSet(predecessors.getOrDefault(node, Set.of()));
  }

  /** Every node, in natural order. */
  public Set<K> nodes() {
    return Collections.unmodifiableSet(successors.keySet());
  }

  /**
   * All nodes, each after everything it depends on.
   *
   * @throws CycleException naming the members of a cycle when there is one
   */
  public List<K> order() {
    Map<K, Integer> waiting = new HashMap<>();
    PriorityQueue<K> ready = new PriorityQueue<>();
    predecessors.forEach(
        (node, before) -> {
          waiting.put(node, before.size());
          if (before.isEmpty()) {
            ready.add(node);
          }
        });
    List<K> out = new ArrayList<>(successors.size());
    while (!ready.isEmpty()) {
      K node = ready.poll();
      out.add(node);
      for (K next : successors.get(node)) {
        if (waiting.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    if (out.size() < successors.size()) {
      throw new CycleException(findCycle(new HashSet<>(out)));
    }
    return out;
  }

  private List<K> findCycle(Set<K> ordered) {
    Set<K> done = new HashSet<>(ordered);
    for (K start : successors.keySet()) {
      if (!done.contains(start)) {
        List<K> cycle = walk(start, done);
        if (!cycle.isEmpty()) {
          return canonical(cycle);
        }
      }
    }
    throw new IllegalStateException("unordered nodes but no cycle found");
  }

  /** Depth-first search from {@code start}; the first back edge closes a cycle. */
  private List<K> walk(K start, Set<K> done) {
    Deque<K> path = new ArrayDeque<>();
    Set<K> onPath = new HashSet<>();
    Deque<Iterator<K>> iterators = new ArrayDeque<>();
    path.push(start);
    onPath.add(start);
    iterators.push(successors.get(start).iterator());
    while (!iterators.isEmpty()) {
      Iterator<K> next = iterators.peek();
      if (!next.hasNext()) {
        iterators.pop();
        K finished = path.pop();
        onPath.remove(finished);
        done.add(finished);
        continue;
      }
      K node = next.next();
      if (onPath.contains(node)) {
        List<K> cycle = new ArrayList<>();
        for (K member : path) {
          cycle.add(0, member);
          if (member.equals(node)) {
            break;
          }
        }
        return cycle;
      }
      if (!done.contains(node)) {
        path.push(node);
        onPath.add(node);
        iterators.push(successors.get(node).iterator());
      }
    }
    return List.of();
  }

  private List<K> canonical(List<K> cycle) {
    int smallest = cycle.indexOf(Collections.min(cycle));
    List<K> out = new ArrayList<>(cycle.subList(smallest, cycle.size()));
    out.addAll(cycle.subList(0, smallest));
    return out;
  }

  /** Thrown by {@link #order()} when the dependencies form a cycle. */
  public static final class CycleException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // the members are for the message; not meant to be serialised
    private final List<?> members;

    CycleException(List<?> members) {
      super(
          "dependency cycle: "
              + String.join(" -> ", members.stream().map(String::valueOf).toList())
              + " -> "
              + members.get(0));
      this.members = List.copyOf(members);
    }

    /** The members of the cycle, starting from the smallest. */
    public List<?> members() {
      return members;
    }
  }
}
