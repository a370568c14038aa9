package dev.hasnctl.probe;

import dev.hasnctl.model.HostName;
import dev.hasnctl.probe.Parsers.Unparseable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which GPFS nodes a filesystem is mounted on, and which of them is this host. GPFS names a node by
 * its daemon node name, which may be a full domain name or another interface's name than xCAT's
 * name of the SN; {@code mmgetstate} (the local node's name) and {@code mmlscluster} (each node's
 * daemon name, address and admin name) map it back. Pure.
 */
final class GpfsNodes {
  private static final Pattern MOUNTED_ON =
      Pattern.compile("File system \\S+( \\(\\S+\\))? is mounted on \\d+ nodes?:");
  private static final Pattern NOT_MOUNTED = Pattern.compile("File system \\S+ is not mounted\\.");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]+");

  private GpfsNodes() {}

  /** One node of {@code mmlsmount DEV -L}: its address, daemon name and, if printed, cluster. */
  record Mounted(String address, String name, String cluster) {}

  /** One row of {@code mmlscluster}'s node table. */
  record Member(String daemonName, String address, String adminName) {}

  /**
   * {@code mmlsmount DEV -L}: the nodes it is mounted on, from the {@code ADDRESS NAME [CLUSTER]}
   * lines under {@code File system DEV [(CLUSTER:DEV)] is mounted on N nodes:}; none when it says
   * {@code is not mounted}. Output with neither sentence is unreadable, never "not mounted": a
   * misread here would stop NFS on every SN.
   */
  static List<Mounted> mounted(List<String> lines) throws Unparseable {
    List<Mounted> out = new ArrayList<>();
    boolean header = false;
    for (String line : lines) {
      String s = line.strip();
      if (s.startsWith("File system ")) {
        if (MOUNTED_ON.matcher(s).matches()) {
          header = true;
        } else if (NOT_MOUNTED.matcher(s).matches()) {
          return List.of();
        } else {
          throw new Unparseable("mmlsmount -L: unexpected line: " + line);
        }
        continue;
      }
      String[] f = Words.split(s);
      if (header && !s.isEmpty() && (f.length == 2 || f.length == 3) && address(f[0])) {
        out.add(new Mounted(f[0], f[1], f.length == 3 ? f[2] : ""));
      }
    }
    if (!header) {
      throw new Unparseable("mmlsmount -L: no 'File system ... is mounted on' line");
    }
    return out;
  }

  /** {@code mmlscluster}: the node table's rows ({@code N DAEMON ADDRESS ADMIN [DESIGNATION]}). */
  static List<Member> members(List<String> lines) {
    List<Member> out = new ArrayList<>();
    for (String line : lines) {
      String[] f = Words.split(line.strip());
      if (f.length >= 4 && Words.digits(f[0]) && address(f[2])) {
        out.add(new Member(f[1], f[2], f[3]));
      }
    }
    return out;
  }

  /** {@code mmgetstate}: the name GPFS gives the local node ({@code number name state}). */
  static String localName(List<String> lines) throws Unparseable {
    for (String line : lines) {
      String[] f = Words.split(line.strip());
      if (f.length == 3 && Words.digits(f[0])) {
        return f[1];
      }
    }
    throw new Unparseable("mmgetstate: no 'number name state' line");
  }

  /**
   * Whether {@code mounted} lists {@code host}: GPFS's local node name (when known) or xCAT's name
   * of the host, matched against daemon and admin names (whole or first label) and, through
   * mmlscluster, addresses.
   */
  static boolean mountedHere(
      HostName host, String localName, List<Member> members, List<Mounted> mounted) {
    Set<String> names = new LinkedHashSet<>();
    names.add(lower(host.value()));
    names.add(lower(host.shortName()));
    if (!localName.isEmpty()) {
      names.add(lower(localName));
      names.add(firstLabel(localName));
    }
    Set<String> ids = new LinkedHashSet<>(names);
    for (Member m : members) {
      if (names.contains(lower(m.daemonName()))
          || names.contains(lower(m.adminName()))
          || (!localName.isEmpty() && firstLabel(m.daemonName()).equals(firstLabel(localName)))) {
        ids.add(lower(m.daemonName()));
        ids.add(lower(m.adminName()));
        ids.add(m.address());
      }
    }
    return mounted.stream()
        .anyMatch(
            m -> ids.contains(m.address()) || ids.contains(lower(m.name())) || sameShort(m, ids));
  }

  private static boolean sameShort(Mounted m, Set<String> ids) {
    return ids.contains(firstLabel(m.name()));
  }

  private static boolean address(String s) {
    return IPV4.matcher(s).matches() || (s.contains(":") && IPV6.matcher(s).matches());
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String firstLabel(String s) {
    String l = lower(s);
    return l.contains(".") && !address(l) ? l.substring(0, l.indexOf('.')) : l;
  }
}
