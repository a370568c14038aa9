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

  /**
   * The nodes named in {@code stderr} and {@code stdout} as xdsh printed them, read as if one
   * followed the other; stdout, which is large, is only cut into lines when it holds the message.
   */
  static Set<String> nodes(String stderr, String stdout) {
    List<String> lines = new ArrayList<>(Arrays.asList(stderr.split("\n", -1)));
    if (stdout.contains(MARK)) {
      lines.addAll(Arrays.asList(stdout.split("\n", -1)));
    } else {
      // The list may follow a message that ended stderr.
      int newline = stdout.indexOf('\n');
      lines.add(newline < 0 ? stdout : stdout.substring(0, newline));
    }
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
