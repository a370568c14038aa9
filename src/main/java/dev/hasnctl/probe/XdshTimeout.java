package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The nodes {@code xdsh -t} gave up on. DSHCLI.pm's dsh loop, when no target wrote for the timeout,
 * reports " Timed out waiting for response from child processes for the following nodes.
 * Terminating the child processes. " and then " node1 node2 ..." as two messages; the client prints
 * each with {@code Error: } and, since xCAT 2.13, the EMS as {@code [ems]: }. Both forms are read.
 */
final class XdshTimeout {
  private static final String MARK = "Timed out waiting for response from child processes";

  private XdshTimeout() {}

  /** Whether {@code line} is the message that names, on the next line, the nodes given up on. */
  static boolean isMessage(String line) {
    return line.contains(MARK);
  }

  /**
   * The nodes named in {@code stderr} and in {@code stdout}, read as if one followed the other; of
   * stdout only the lines {@link XdshOutput#timeoutLines()} kept are needed.
   */
  static Set<String> nodes(String stderr, List<String> stdout) {
    List<String> lines = new ArrayList<>(Arrays.asList(stderr.split("\n", -1)));
    lines.addAll(stdout);
    return nodes(lines);
  }

  static Set<String> nodes(List<String> lines) {
    Set<String> out = new TreeSet<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).contains(MARK)) {
        String list = lines.get(i + 1).strip();
        if (list.startsWith("Error:")) {
          list = list.substring("Error:".length()).strip();
        }
        if (list.startsWith("[") && list.contains("]:")) {
          list = list.substring(list.indexOf("]:") + 2).strip();
        }
        for (String node : Words.split(list)) {
          if (!node.isEmpty()) {
            out.add(node);
          }
        }
      }
    }
    return out;
  }
}
