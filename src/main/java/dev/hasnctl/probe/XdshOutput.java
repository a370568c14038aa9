package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What {@code xdsh} prints, {@code NODE: LINE} lines of every node mixed as they arrive, taken line
 * by line and handed over one node at a time, its lines in order, once the node's output is
 * complete: when the probe script printed its last line ({@link Sections#END}) there, or, for a
 * node that never did (its script stopped early, it timed out or could not be reached), when the
 * output ends ({@link #end}). Only the nodes still printing are held: the whole output of 16,384
 * nodes is some 40 MB, what xdsh's fan-out of 64 nodes prints at once a few hundred KB.
 *
 * <p>A line without the {@code NODE: } prefix belongs to no node; a node's lines after its end
 * marker are not part of its script's output and are dropped. Lines must come from one thread at a
 * time; {@link #end} after the last.
 */
final class XdshOutput implements Consumer<String> {
  private final BiConsumer<String, List<String>> complete;

  /** The lines of the nodes whose end marker has not arrived yet. */
  private final Map<String, List<String>> printing = new HashMap<>();

  private final Set<String> printed = new HashSet<>();
  private final Set<String> ended = new HashSet<>();

  /** The lines {@link XdshTimeout} reads: the first, and each timeout message with the next. */
  private final List<String> timeoutLines = new ArrayList<>();

  private boolean afterTimeoutMessage;

  /** The last node that printed, and its lines: consecutive lines are mostly one node's. */
  private String lastNode = "";

  private List<String> lastLines;

  /** Hands each node's lines, once complete, to {@code complete}. */
  XdshOutput(BiConsumer<String, List<String>> complete) {
    this.complete = complete;
  }

  @Override
  public void accept(String line) {
    if (timeoutLines.isEmpty() || afterTimeoutMessage || XdshTimeout.isMessage(line)) {
      timeoutLines.add(line);
      afterTimeoutMessage = XdshTimeout.isMessage(line);
    }
    int colon = line.indexOf(": ");
    if (colon <= 0) {
      return;
    }
    List<String> lines;
    if (line.startsWith(lastNode) && colon == lastNode.length() && lastLines != null) {
      lines = lastLines;
    } else {
      String node = line.substring(0, colon);
      if (ended.contains(node)) {
        return;
      }
      lines = printing.get(node);
      if (lines == null) {
        lines = new ArrayList<>();
        printing.put(node, lines);
        printed.add(node);
      }
      lastNode = node;
      lastLines = lines;
    }
    String text = line.substring(colon + 2);
    if (text.equals(Sections.END)) {
      printing.remove(lastNode);
      ended.add(lastNode);
      lastLines = null;
      complete.accept(lastNode, lines);
    } else {
      lines.add(text);
    }
  }

  /** Hands over the nodes that printed without reaching their end marker. */
  void end() {
    List<String> nodes = new ArrayList<>(printing.keySet());
    nodes.sort(null);
    for (String node : nodes) {
      complete.accept(node, printing.remove(node));
    }
    lastLines = null;
  }

  /** Whether {@code node} printed anything. */
  boolean printed(String node) {
    return printed.contains(node);
  }

  /** The lines of the output {@link XdshTimeout#nodes(String, List)} needs. */
  List<String> timeoutLines() {
    return timeoutLines;
  }
}
