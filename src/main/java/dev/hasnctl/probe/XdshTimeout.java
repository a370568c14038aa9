package dev.hasnctl.probe;

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
        for (String node : list.split("\\s+", -1)) {
          if (!node.isEmpty()) {
            out.add(node);
          }
        }
      }
    }
    return out;
  }
}
