package dev.hasnctl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the NFS version of an image's NIM resources on an SN reads when it is not the one wanted: the
 * version(s) seen, then the resources that have another, e.g. {@code 3 (aix71-compute,
 * aix71-compute_shared_root)}. The probe writes it; the plan reads the names back to change them.
 */
public final class NimVersions {
  /** A NIM object name: what NIM itself accepts, and nothing a shell reads specially. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,38}");

  private NimVersions() {}

  /** Whether {@code name} is a NIM object name. */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /** {@code seen}, naming {@code others}, the resources whose version is not the wanted one. */
  public static String describe(String seen, List<String> others) {
    for (String name : others) {
      if (!isName(name)) {
        throw new IllegalArgumentException("not a NIM object name: " + name);
      }
    }
    return others.isEmpty() ? seen : seen + " (" + String.join(", ", others) + ")";
  }

  /** The resources {@link #describe} named; empty when it named none. */
  public static List<String> others(String described) {
    int open = described.lastIndexOf(" (");
    List<String> out = new ArrayList<>();
    if (open < 0 || !described.endsWith(")")) {
      return out;
    }
    for (String name : described.substring(open + 2, described.length() - 1).split(", ", -1)) {
      if (isName(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
