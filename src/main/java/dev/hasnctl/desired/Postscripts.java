package dev.hasnctl.desired;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.spec.ConsoleRedirect;
import dev.hasnctl.spec.Paging;

/** The postscripts hasnctl writes, as the seed gives them. */
final class Postscripts {
  private Postscripts() {}

  /**
   * The paging postscript: NFSv4 paging spaces with failover flags, then NIM's swapnfs0 removed
   * (its mount lacks replica information and hangs a failover).
   */
  static String paging(AbsolutePath dir, Paging paging) {
    StringBuilder script =
        new StringBuilder(
            "#!/bin/sh\n# Written by hasnctl: NFSv4 paging with"
                + " client replication failover (mkps :"
                + paging.activation()
                + ").\n\n");
    for (Paging.PagingFile file : paging.files()) {
      script.append("rmps ").append(file.name()).append(" 2>/dev/null\n");
    }
    for (Paging.PagingFile file : paging.files()) {
      script
          .append("mkps -t nfs $MASTER ")
          .append(dir)
          .append("/`hostname -s`/")
          .append(file.name())
          .append(':')
          .append(paging.activation())
          .append('\n');
    }
    for (Paging.PagingFile file : paging.files()) {
      script.append("swapon /dev/").append(file.name()).append('\n');
    }
    if (paging.removeSwapnfs0()) {
      script.append("swapoff /dev/swapnfs0\nrmps swapnfs0\n");
    }
    return script.toString();
  }

  /** The console-log redirect postscript. */
  static String consoleRedirect(ConsoleRedirect redirect) {
    return "#!/bin/sh\n# Written by hasnctl: keep the console log off persistent statelite"
        + " storage, where a failover would hang on it.\n/usr/sbin/swcons -p "
        + redirect.target()
        + "\n";
  }
}
