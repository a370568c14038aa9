package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;

/**
 * The postscripts hasnctl writes, as the seed gives them: what the desired state asks for and what
 * a converged simulated cluster holds.
 */
public final class Postscripts {
  private Postscripts() {}

  /**
   * The paging postscript: NFSv4 paging spaces with failover flags, then NIM's swapnfs0 removed
   * (its mount lacks replica information and hangs a failover).
   */
  public static String paging(AbsolutePath dir, Paging paging) {
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

  /**
   * xCAT's setupnfsv4replication as shipped, reduced to the two tunables hasnctl manages (seed:
   * "$::NFSRETRIES = 3; $::NFSTIMEO = 1; # in tenths of a second").
   */
  public static String replicationTunables(int retries, int timeoutTenths) {
    return "$::NFSRETRIES = "
        + retries
        + ";\n$::NFSTIMEO = "
        + timeoutTenths
        + ";   # in tenths of a second, i.e. NFSTIMEO=1 is 0.1 seconds\n";
  }

  /** The console-log redirect postscript. */
  public static String consoleRedirect(ConsoleRedirect redirect) {
    return "#!/bin/sh\n# Written by hasnctl: keep the console log off persistent statelite"
        + " storage, where a failover would hang on it.\n/usr/sbin/swcons -p "
        + redirect.target()
        + "\n";
  }
}
