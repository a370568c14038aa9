package dev.hasnctl.transport;

import java.util.List;

/**
 * Where xCAT, GPFS and AIX install their commands. Appended to PATH by the transports so that runs
 * from cron, systemd or a non-login SSH session find them as an admin's login shell would.
 */
public final class StandardPath {
  /** The directories, in search order. */
  public static final List<String> DIRECTORIES =
      List.of(
          "/opt/xcat/bin",
          "/opt/xcat/sbin",
          "/usr/lpp/mmfs/bin",
          "/usr/sbin",
          "/usr/bin",
          "/sbin",
          "/bin");

  private StandardPath() {}

  /** {@code path} followed by each standard directory it lacks; null is an empty PATH. */
  public static String appendTo(String path) {
    StringBuilder out = new StringBuilder(path == null ? "" : path);
    List<String> present = path == null ? List.of() : List.of(path.split(":", -1));
    for (String dir : DIRECTORIES) {
      if (!present.contains(dir)) {
        if (out.length() > 0) {
          out.append(':');
        }
        out.append(dir);
      }
    }
    return out.toString();
  }

  /** The directories joined with ':', to append to a PATH. */
  public static String joined() {
    return String.join(":", DIRECTORIES);
  }
}
