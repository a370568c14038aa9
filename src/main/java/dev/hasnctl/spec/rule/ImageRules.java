package dev.hasnctl.spec.rule;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.OsImage;
import dev.hasnctl.spec.Shown;
import dev.hasnctl.spec.Software;
import dev.hasnctl.spec.Software.RoleSoftware;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** OS images and software levels (seed: "Preparing OS Images", "Software Pre-requisites"). */
final class ImageRules {
  /** The bundle that carries rpm, which later bundles need. */
  static final String FIRST_BUNDLE = "xCATaixCN71";

  static final String MIN_XCAT = "2.7.2";
  static final String MIN_AIX = "7100-01-03-1207";

  private static final Pattern REFERENCE =
      Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*|file:/[A-Za-z0-9._/+-]+");

  private ImageRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "first-bundle",
            "every image's first installp bundle is " + FIRST_BUNDLE,
            ImageRules::firstBundle),
        SimpleRule.error("image-nfs-vers", "every image uses NFS version 4", ImageRules::nfsVers),
        SimpleRule.error(
            "no-resolv-conf", "no image has a resolv_conf resource", ImageRules::resolvConf),
        SimpleRule.error(
            "required-ifixes",
            "images and SNs list the AIX ifixes, SNs and EMS the xCAT ifix, the seed requires",
            ImageRules::ifixes),
        SimpleRule.error(
            "software-levels",
            "xCAT " + MIN_XCAT + " or later and AIX " + MIN_AIX + " or later",
            ImageRules::levels),
        SimpleRule.error(
            "teal-password-reference",
            "the TEAL DB2 password is a reference (env:NAME or file:PATH), never the password",
            ImageRules::tealPassword),
        SimpleRule.error(
            "teal-client-dir",
            "the TEAL DB2 client directory is a directory of its own, not a system or shared one",
            ImageRules::tealClientDir),
        SimpleRule.error(
            "teal-bundle-file",
            "the TEAL bundle file is NAME.bnd in "
                + dev.hasnctl.spec.Teal.BUNDLE_DIR
                + ", NAME one of the TEAL image's installp bundles",
            ImageRules::tealBundleFile));
  }

  private static List<Finding> firstBundle(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < spec.images().size(); i++) {
      OsImage image = spec.images().get(i);
      List<String> bundles = image.installpBundles();
      if (bundles.isEmpty() || !bundles.get(0).equals(FIRST_BUNDLE)) {
        out.add(
            Finding.at(
                "/images/" + i + "/installpBundles" + (bundles.isEmpty() ? "" : "/0"),
                "image "
                    + image.name()
                    + " starts its installp bundles with "
                    + (bundles.isEmpty() ? "nothing" : bundles.get(0))
                    + "; "
                    + FIRST_BUNDLE
                    + " carries the rpm the later bundles need",
                "list " + FIRST_BUNDLE + " first"));
      }
    }
    return out;
  }

  private static List<Finding> nfsVers(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < spec.images().size(); i++) {
      OsImage image = spec.images().get(i);
      if (image.nfsVers() != 4) {
        out.add(
            Finding.at(
                "/images/" + i + "/nfsVers",
                "image "
                    + image.name()
                    + " uses NFS version "
                    + image.nfsVers()
                    + "; only 4 has replicas",
                "set nfsVers: 4 (hasnctl runs mknimimage -u " + image.name() + " nfs_vers=4)"));
      }
    }
    return out;
  }

  private static List<Finding> resolvConf(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < spec.images().size(); i++) {
      OsImage image = spec.images().get(i);
      if (image.resolvConf().filter(r -> !r.isEmpty()).isPresent()) {
        out.add(
            Finding.at(
                "/images/" + i + "/resolvConf",
                "image "
                    + image.name()
                    + " has resolv_conf "
                    + image.resolvConf().get()
                    + "; nodes then resolve names through one server",
                "remove resolvConf (nodes use a full /etc/hosts)"));
      }
    }
    return out;
  }

  private static List<Finding> ifixes(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < spec.images().size(); i++) {
      OsImage image = spec.images().get(i);
      missing(
          image.ifixes(),
          Software.AIX_IFIXES,
          "/images/" + i + "/ifixes",
          "image " + image.name(),
          out);
    }
    List<String> snNeeds = new ArrayList<>(Software.AIX_IFIXES);
    snNeeds.addAll(Software.XCAT_IFIXES);
    missing(
        spec.software().serviceNodes().ifixes(),
        snNeeds,
        "/software/serviceNodes/ifixes",
        "the service nodes",
        out);
    missing(
        spec.software().ems().ifixes(),
        Software.XCAT_IFIXES,
        "/software/ems/ifixes",
        "the EMS",
        out);
    return out;
  }

  private static void missing(
      List<String> listed, List<String> needed, String at, String who, List<Finding> out) {
    List<String> absent = needed.stream().filter(fix -> !listed.contains(fix)).toList();
    if (!absent.isEmpty()) {
      out.add(
          Finding.at(
              at,
              who
                  + " lack"
                  + (who.startsWith("the") ? "" : "s")
                  + " the required ifix"
                  + (absent.size() == 1 ? " " : "es ")
                  + String.join(", ", absent),
              "add " + String.join(", ", absent) + " (seed: Software Pre-requisites)"));
    }
  }

  private static List<Finding> levels(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    level(spec.software().ems(), "/software/ems", "the EMS", out);
    level(spec.software().serviceNodes(), "/software/serviceNodes", "the service nodes", out);
    return out;
  }

  private static void level(RoleSoftware role, String at, String who, List<Finding> out) {
    if (compareVersions(role.xcat(), MIN_XCAT) < 0) {
      out.add(
          Finding.at(
              at + "/xcat",
              who
                  + " ask for xCAT "
                  + role.xcat()
                  + "; NFSv4 replication needs "
                  + MIN_XCAT
                  + " or later",
              "require " + MIN_XCAT + " or later"));
    }
    if (role.aix().compareTo(MIN_AIX) < 0) {
      out.add(
          Finding.at(
              at + "/aix",
              who
                  + " ask for AIX "
                  + role.aix()
                  + "; the replication fixes need "
                  + MIN_AIX
                  + " or later",
              "require " + MIN_AIX + " or later"));
    }
  }

  /** Compares dotted versions numerically: 2.10 is after 2.9. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.", -1);
    String[] y = b.split("\\.", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  /** Directories the client configuration must stay out of: hasnctl rewrites files below it. */
  private static final List<String> SYSTEM_DIRS =
      List.of(
          "/bin", "/dev", "/etc", "/home", "/lib", "/opt", "/proc", "/sbin", "/tmp", "/usr",
          "/var");

  private static List<Finding> tealClientDir(ClusterSpec spec) {
    if (spec.teal().isEmpty()) {
      return List.of();
    }
    AbsolutePath dir = spec.teal().get().clientDir();
    boolean system =
        dir.value().equals("/")
            || SYSTEM_DIRS.stream().anyMatch(d -> dir.isWithin(AbsolutePath.of(d)))
            || dir.isWithin(spec.sharedInstall().mountPoint());
    if (!system) {
      return List.of();
    }
    return List.of(
        Finding.at(
            "/teal/clientDir",
            "the TEAL DB2 client directory "
                + dir.value()
                + " is a system directory or on the shared /install",
            "use a directory of its own, such as the seed's /db2client"));
  }

  private static List<Finding> tealBundleFile(ClusterSpec spec) {
    if (spec.teal().isEmpty()
        || spec.teal().get().bundleFile().isEmpty()
        || spec.image(spec.teal().get().image()).isEmpty()) {
      return List.of(); // no TEAL bundle, or an unknown image (rule unknown-image says so)
    }
    dev.hasnctl.spec.Teal teal = spec.teal().get();
    AbsolutePath file = teal.bundleFile().get();
    String dir = dev.hasnctl.spec.Teal.BUNDLE_DIR.value() + "/";
    String name = file.value().startsWith(dir) ? file.value().substring(dir.length()) : "";
    List<String> bundles = spec.image(teal.image()).map(OsImage::installpBundles).orElse(List.of());
    boolean named =
        name.endsWith(".bnd")
            && !name.contains("/")
            && bundles.contains(name.substring(0, name.length() - ".bnd".length()));
    if (named) {
      return List.of();
    }
    return List.of(
        Finding.at(
            "/teal/bundleFile",
            "the TEAL bundle file "
                + Shown.value(file.value())
                + " is not one of image "
                + teal.image()
                + "'s installp bundles in "
                + dev.hasnctl.spec.Teal.BUNDLE_DIR
                + " (hasnctl rewrites the file it names)",
            bundles.isEmpty()
                ? "list the bundle in the image's installpBundles first"
                : "name one of "
                    + bundles.stream()
                        .map(b -> dev.hasnctl.spec.Teal.BUNDLE_DIR + "/" + b + ".bnd")
                        .toList()));
  }

  private static List<Finding> tealPassword(ClusterSpec spec) {
    if (spec.teal().isEmpty() || REFERENCE.matcher(spec.teal().get().password()).matches()) {
      return List.of();
    }
    return List.of(
        Finding.at(
            "/teal/password",
            "the TEAL DB2 password is written into the spec (its value is not shown here); a spec"
                + " lives in git",
            "write env:NAME (an environment variable) or file:/PATH (a file readable by root only)"));
  }
}
