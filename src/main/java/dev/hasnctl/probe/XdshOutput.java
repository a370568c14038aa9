package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code xdsh} printed, {@code NODE: LINE} lines of every node mixed as they arrived, read as
 * each node's lines in order. The output of 16,384 nodes is some 40 MB: it is read in place, each
 * node's lines kept as positions in it and cut into strings only when that node is read.
 */
final class XdshOutput {
  private final String output;

  /** Each node's lines, as where each starts and ends in the output. */
  private final Map<String, Positions> nodes = new HashMap<>();

  private XdshOutput(String output) {
    this.output = output;
  }

  /** Reads {@code output}; a line without the {@code NODE: } prefix belongs to no node. */
  static XdshOutput parse(String output) {
    XdshOutput out = new XdshOutput(output);
    Positions last = null;
    int lastStart = 0;
    int lastLength = -1;
    int start = 0;
    int length = output.length();
    while (start < length) {
      int end = output.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      int colon = colonSpace(output, start, end);
      if (colon > start) {
        int nameLength = colon - start;
        // Consecutive lines are mostly one node's: the map is skipped when the name is the last.
        if (last == null
            || nameLength != lastLength
            || !output.regionMatches(start, output, lastStart, nameLength)) {
          last = out.nodes.computeIfAbsent(output.substring(start, colon), n -> new Positions());
          lastStart = start;
          lastLength = nameLength;
        }
        last.add(colon + 2, end);
      }
      start = end + 1;
    }
    return out;
  }

  /** Whether {@code node} printed anything. */
  boolean printed(String node) {
    return nodes.containsKey(node);
  }

  /** What {@code node} printed, in order; empty when nothing. */
  List<String> lines(String node) {
    Positions p = nodes.get(node);
    if (p == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(p.size / 2);
    for (int i = 0; i < p.size; i += 2) {
      lines.add(output.substring(p.at[i], p.at[i + 1]));
    }
    return lines;
  }

  /** Forgets what {@code node} printed, as if it had printed nothing. */
  void forget(String node) {
    nodes.remove(node);
  }

  /**
   * Where {@code ": "} first is in {@code text} from {@code start} to before {@code end}, or -1.
   */
  private static int colonSpace(String text, int start, int end) {
    for (int i = start; i + 1 < end; i++) {
      if (text.charAt(i) == ':' && text.charAt(i + 1) == ' ') {
        return i;
      }
    }
    return -1;
  }

  /** A growing list of int pairs. */
  private static final class Positions {
    private int[] at = new int[16];
    private int size;

    void add(int start, int end) {
      if (size + 2 > at.length) {
        at = Arrays.copyOf(at, at.length * 2);
      }
      at[size++] = start;
      at[size++] = end;
    }
  }
}
