package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The NFS version of an image, where it lives: not in xCAT (nfs_vers is no osimage attribute,
 * perl-xCAT/xCAT/Schema.pm) but on the NIM resources {@code mknimimage -u IMAGE nfs_vers=4} changes
 * (xCAT-server/lib/xcat/plugins/aixinstall.pm l.2929-3000), read with {@code lsnim -a nfs_vers}
 * (seed: "Run 'lsnim -a nfs_vers' on the EMS and each service node"). Pure.
 */
final class ImageMeaning {
  /** The osimage attributes naming the NIM resources mknimimage -u converts. */
  static final List<String> CONVERTED =
      List.of(
          "lpp_source", "spot", "installp_bundle", "root", "shared_root", "paging", "resolv_conf");

  /** What a resource without the attribute shows. */
  static final String UNSET = "unset";

  private ImageMeaning() {}

  /** The NIM resources of an image, from its {@code lsdef -t osimage -l} attributes. */
  static List<String> resources(Map<String, String> image) {
    List<String> out = new ArrayList<>();
    for (String attribute : CONVERTED) {
      for (String name : image.getOrDefault(attribute, "").split(",", -1)) {
        if (!name.isBlank()) {
          out.add(name.strip());
        }
      }
    }
    return out;
  }

  /**
   * The NFS version of {@code resources} in {@code lsnim -a nfs_vers}: the one value they share,
   * else their values joined by commas ({@link #UNSET} for one without it). A resource NIM does not
   * define is served with no NFS version at all and is left out (the osimage attribute naming it is
   * compared on its own).
   */
  static String nfsVers(List<String> resources, Map<String, Map<String, String>> lsnim) {
    TreeSet<String> values = new TreeSet<>();
    for (String resource : resources) {
      Map<String, String> stanza = lsnim.get(resource);
      if (stanza != null) {
        values.add(stanza.getOrDefault("nfs_vers", UNSET));
      }
    }
    return values.isEmpty() ? UNSET : String.join(",", values);
  }
}
