package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.NimVersions;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.probe.Parsers.Unparseable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which read-only commands observe a host's resources, and how their output becomes observed
 * resources with the same property names and value formats as the desired state's.
 *
 * <p>A new section is a {@code once(...)} in {@link #script} and a case in {@code observe}. Its
 * output is parsed once per host through {@code cached(parsed, NAME, ...)}, never once per
 * resource: an SN holds hundreds of resources, a cluster 100,000 or more. Parsers cut fields with
 * {@link Words}, not {@code String.split("\\s+")}.
 */
final class HostReader {
  /** {@code status} is nodelist.status: whether xCAT saw the node boot (Schema.pm). */
  private static final String NODE_ATTRIBUTES =
      "servicenode,xcatmaster,groups,provmethod,postscripts,status";

  private static final Pattern TUNABLE = Pattern.compile("^\\$::(NFS[A-Z]+)\\s*=\\s*(\\d+)\\s*;");

  /** xCAT on AIX is RPMs; xCAT-server is on the EMS and every SN (xCATaixSN71.bnd). */
  private static final String XCAT_RPM = "xCAT-server";

  /** Where a booted xCAT node keeps the name of the server it booted from. */
  private static final String XCATINFO = "/etc/xcatinfo";

  /** Where {@link #read} keeps its {@link Context} among the parsed sections. */
  private static final String CONTEXT = " context";

  private HostReader() {}

  /** The script observing {@code resources}: the union of what each kind needs, each once. */
  static Script script(List<Resource> resources, boolean ems) {
    Script script = new Script();
    Set<String> done = new LinkedHashSet<>();
    for (Resource r : resources) {
      ResourceId id = r.id();
      switch (id.kind()) {
        case SITE_ATTRIBUTE ->
            once(done, "site", () -> script.run("site", Argv.of("tabdump", "site")));
        case NETWORK ->
            once(done, "networks", () -> script.run("networks", Argv.of("tabdump", "networks")));
        case OSIMAGE -> {
          once(
              done,
              "osimage",
              () -> script.run("osimage", Argv.of("lsdef", "-t", "osimage", "-l")));
          once(done, "nfs_vers", () -> script.run("nfs_vers", Argv.of("lsnim", "-a", "nfs_vers")));
        }
        case NODE -> {
          once(
              done,
              "nodes",
              () ->
                  script.run("nodes", Argv.of("lsdef", "-t", "node", "-i", NODE_ATTRIBUTES, "-c")));
          // lsdef prepends the xcatdefaults row to each node's postscripts: read it to tell apart.
          once(
              done,
              "postscripts",
              () -> script.run("postscripts", Argv.of("tabdump", "postscripts")));
        }
        case STATELITE ->
            once(done, "statelite", () -> script.run("statelite", Argv.of("tabdump", "statelite")));
        case LITEFILE ->
            once(done, "litefile", () -> script.run("litefile", Argv.of("tabdump", "litefile")));
        case FILE, NFS_TUNABLES -> fileSection(script, done, id.key());
        case EXPORT -> fileSection(script, done, "/etc/exports");
        case SHUTDOWN_ORDER -> fileSection(script, done, "/etc/rc.shutdown");
        case INITTAB_ORDER ->
            once(done, "inittab", () -> script.run("inittab", Argv.of("lsitab", "-a")));
        case SERVICE -> {
          if (id.key().equals("gpfs")) {
            once(done, "mmgetstate", () -> script.run("mmgetstate", Argv.of("mmgetstate")));
          } else {
            once(done, "lssrc", () -> script.run("lssrc", Argv.of("lssrc", "-a")));
          }
        }
        case GPFS_MOUNT -> {
          String device = device(id.key());
          once(done, "mmlscluster", () -> script.run("mmlscluster", Argv.of("mmlscluster")));
          once(done, "mmgetstate", () -> script.run("mmgetstate", Argv.of("mmgetstate")));
          once(done, "mmlsfs", () -> script.run("mmlsfs", Argv.of("mmlsfs", device, "-T", "-B")));
          once(
              done, "mmlsmount", () -> script.run("mmlsmount", Argv.of("mmlsmount", device, "-L")));
        }
        case SOFTWARE -> {
          if (id.key().equals("oslevel")) {
            once(done, "oslevel", () -> script.run("oslevel", Argv.of("oslevel", "-s")));
          } else if (id.key().equals("xcat")) {
            once(done, "rpm", () -> script.run("rpm", Argv.of("rpm", "-q", XCAT_RPM)));
          } else if (id.key().startsWith(ResourceKind.FILESET_KEY)) {
            Filesets.script(script, id.key().substring(ResourceKind.FILESET_KEY.length()));
          } else {
            once(done, "emgr", () -> script.run("emgr", Argv.of("emgr", "-l")));
          }
        }
        case DISKLESS_NODE ->
            once(
                done, "lsnim", () -> script.run("lsnim", Argv.of("lsnim", "-t", "diskless", "-l")));
        case NIM_RESOURCES ->
            once(
                done, "nfs_vers", () -> script.run("nfs_vers", Argv.of("lsnim", "-a", "nfs_vers")));
        case RUNNING_NODE -> {
          fileSection(script, done, XCATINFO);
          once(done, "netstat", () -> script.run("netstat", Argv.of("netstat", "-rn")));
        }
        case NODE_HEALTH -> NodeHealthReader.script(script, done);
        case DB2_CLIENT_FILE -> {
          // TealReader adds these sections: its comparison needs the run's key and secret.
        }
        case DB2_CONNECTION -> TealConnection.script(script, id.key());
        case NETWORK_OPTION ->
            once(
                done,
                "no:" + id.key(),
                () -> script.run("no:" + id.key(), Argv.of("no", "-o", id.key())));
        case PAGING_FILE -> {
          String root = pagingRoot(id.key());
          once(
              done,
              "paging:" + root,
              () -> script.run("paging:" + root, Argv.of("ls", "-lR", root)));
        }
      }
    }
    return script;
  }

  private static void once(Set<String> done, String section, Runnable add) {
    if (done.add(section)) {
      add.run();
    }
  }

  private static void fileSection(Script script, Set<String> done, String path) {
    once(done, "file:" + path, () -> script.cat("file:" + path, path));
  }

  /** GPFS commands name the filesystem without {@code /dev/}. */
  static String device(String key) {
    return key.startsWith("/dev/") ? key.substring(5) : key;
  }

  /** {@code /install/paging/cn0001/swapnfs1} is listed from {@code /install/paging}. */
  static String pagingRoot(String file) {
    String dir = file.substring(0, file.lastIndexOf('/'));
    return dir.substring(0, Math.max(dir.lastIndexOf('/'), 1));
  }

  /** What {@code sections}, the output of {@link #script} on {@code host}, say of each resource. */
  static Map<ResourceId, Observed> read(
      HostName host, List<Resource> resources, Sections sections) {
    return read(host, resources, sections, Context.NONE);
  }

  /**
   * What the probe learnt elsewhere that tells two names of one thing apart.
   *
   * @param serverNames a compute node to the host name of its active SN on the node's network (its
   *     xcatmaster), which {@code /etc/xcatinfo} may name instead of the address
   * @param spots an osimage to the NIM spot that serves it (the osimage's attribute of that name),
   *     when the EMS showed it
   * @param sn the SN behind a server name or address a node prints (showfs, sysdumpdev)
   * @param imageResources an osimage to the NIM resources it names, when the EMS showed it
   */
  record Context(
      Map<String, String> serverNames,
      Map<String, String> spots,
      java.util.function.Function<String, Optional<String>> sn,
      Map<String, List<String>> imageResources) {
    static final Context NONE = new Context(Map.of(), Map.of(), name -> Optional.empty(), Map.of());
  }

  /** As {@link #read(HostName, List, Sections)}, knowing {@code context}. */
  static Map<ResourceId, Observed> read(
      HostName host, List<Resource> resources, Sections sections, Context context) {
    return read(host, resources, sections, context, new HashMap<>());
  }

  /**
   * As {@link #read(HostName, List, Sections, Context)}, with what was parsed of {@code sections}
   * before (see {@link #nodeStatus}) in {@code parsed}, which this adds to.
   */
  static Map<ResourceId, Observed> read(
      HostName host,
      List<Resource> resources,
      Sections sections,
      Context context,
      Map<String, Object> parsed) {
    Map<ResourceId, Observed> out = new LinkedHashMap<>();
    parsed.put(CONTEXT, context);
    for (Resource want : resources) {
      try {
        out.put(
            want.id(),
            sharing(
                want,
                want.id().kind() == dev.hasnctl.model.ResourceKind.NODE_HEALTH
                    ? NodeHealthReader.observe(want, sections, context.sn())
                    : observe(host, want, sections, parsed)));
      } catch (Unparseable e) {
        out.put(want.id(), new Observed.Unknown(want.id(), host + ": " + e.getMessage()));
      }
    }
    return out;
  }

  /**
   * {@code seen}, holding {@code want}'s properties instead of its own when they are equal. A
   * converged cluster's observations then cost little more than their ids: at 65,536 nodes, some 70
   * MB less that the collector would otherwise copy and keep until the plan is made.
   */
  private static Observed sharing(Resource want, Observed seen) {
    if (seen instanceof Observed.Present present) {
      Resource r = present.resource();
      if (r.properties() != want.properties() && r.properties().equals(want.properties())) {
        return new Observed.Present(
            new Resource(r.id(), want.properties(), r.origin(), r.checkOnly()));
      }
    }
    return seen;
  }

  /**
   * Each node's nodelist.status as the EMS's {@code lsdef} showed it (the EMS's script's {@code
   * nodes} section), parsed into {@code parsed}, where {@link #read} finds it again.
   *
   * @throws Unparseable when the section is missing, failed or cannot be read
   */
  static Map<String, String> nodeStatus(Sections sections, Map<String, Object> parsed)
      throws Unparseable {
    Map<String, Map<String, String>> nodes = nodes(sections, parsed);
    Map<String, String> out = new HashMap<>();
    nodes.forEach((node, attrs) -> out.put(node, attrs.getOrDefault("status", "")));
    return out;
  }

  /**
   * The EMS's node definitions (its script's {@code nodes} section): read as they arrived when the
   * probe streamed the script's output through a {@link CompressedLsdef}, else from the lines.
   */
  private static Map<String, Map<String, String>> nodes(
      Sections sections, Map<String, Object> parsed) throws Unparseable {
    return cached(
        parsed,
        "nodes",
        () -> {
          List<String> lines = section(sections, "nodes");
          Optional<Consumer<String>> streamed = sections.reader("nodes");
          return streamed.isPresent() && streamed.get() instanceof CompressedLsdef read
              ? read.read()
              : CompressedLsdef.of(lines).read();
        });
  }

  private static List<String> section(Sections sections, String name) throws Unparseable {
    return section(sections, name, false);
  }

  /** A section's lines; a failed command is unreadable unless {@code failureSpeaks}. */
  private static List<String> section(Sections sections, String name, boolean failureSpeaks)
      throws Unparseable {
    Optional<List<String>> lines = sections.get(name);
    if (lines.isEmpty()) {
      throw new Unparseable("no output for " + name + " (the probe script stopped early)");
    }
    if (failureSpeaks) {
      List<String> said = new ArrayList<>(lines.get());
      said.remove(Sections.FAILED);
      return said;
    }
    if (!sections.ok(name)) {
      List<String> said = new ArrayList<>(lines.get());
      said.remove(Sections.FAILED);
      throw new Unparseable(
          name.replace(':', ' ')
              + " failed"
              + (said.isEmpty() ? "" : ": " + String.join(" / ", said).strip()));
    }
    return lines.get();
  }

  @SuppressWarnings("unchecked")
  private static <T> T cached(Map<String, Object> parsed, String key, Parse<T> parse)
      throws Unparseable {
    if (!parsed.containsKey(key)) {
      parsed.put(key, parse.get());
    }
    return (T) parsed.get(key);
  }

  private interface Parse<T> {
    T get() throws Unparseable;
  }

  private static Observed present(ResourceId id, Map<String, String> properties, boolean checked) {
    return new Observed.Present(
        checked ? Resource.checked(id, properties, "") : Resource.managed(id, properties, ""));
  }

  private static Observed observe(
      HostName host, Resource want, Sections sections, Map<String, Object> parsed)
      throws Unparseable {
    ResourceId id = want.id();
    String key = id.key();
    switch (id.kind()) {
      case SITE_ATTRIBUTE -> {
        List<Map<String, String>> rows =
            cached(parsed, "site", () -> Parsers.tabdump(section(sections, "site")));
        String value =
            rows.stream()
                .filter(r -> key.equals(r.get("key")))
                .map(r -> r.get("value"))
                .findFirst()
                .orElse("");
        return present(id, Map.of("value", value), false);
      }
      case NETWORK -> {
        List<Map<String, String>> rows =
            cached(parsed, "networks", () -> Parsers.tabdump(section(sections, "networks")));
        Optional<Map<String, String>> row =
            rows.stream().filter(r -> key.equals(r.get("netname"))).findFirst();
        if (row.isEmpty()) {
          return new Observed.Absent(id);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("net", row.get().getOrDefault("net", ""));
        p.put("mask", row.get().getOrDefault("mask", ""));
        p.put("nameservers", row.get().getOrDefault("nameservers", ""));
        String gateway = row.get().getOrDefault("gateway", "");
        if (!gateway.isEmpty()) {
          p.put("gateway", gateway);
        }
        return present(id, p, false);
      }
      case OSIMAGE -> {
        Map<String, Map<String, String>> images =
            cached(parsed, "osimage", () -> Parsers.lsdefLong(section(sections, "osimage")));
        Map<String, String> image = images.get(key);
        if (image == null) {
          return new Observed.Absent(id);
        }
        Map<String, String> have = only(image, want);
        if (have.containsKey("nfs_vers")) {
          Map<String, Map<String, String>> nim =
              cached(parsed, "nfs_vers", () -> Parsers.lsnimLong(section(sections, "nfs_vers")));
          have.put("nfs_vers", ImageMeaning.nfsVers(ImageMeaning.resources(image), nim));
        }
        return present(id, have, false);
      }
      case NODE -> {
        Map<String, String> node = nodes(sections, parsed).get(key);
        if (node == null) {
          return new Observed.Absent(id);
        }
        Map<String, String> have = only(node, want);
        if (have.containsKey("groups")) {
          have.put(
              "groups", NodeMeaning.groups(have.get("groups"), want.properties().get("groups")));
        }
        if (have.containsKey("postscripts")) {
          String defaults =
              cached(
                  parsed,
                  "xcatdefaults",
                  () ->
                      NodeMeaning.xcatDefaults(Parsers.tabdump(section(sections, "postscripts"))));
          have.put(
              "postscripts",
              NodeMeaning.postscripts(
                  have.get("postscripts"), defaults, want.properties().get("postscripts")));
        }
        return present(id, have, false);
      }
      case STATELITE -> {
        List<Map<String, String>> rows =
            cached(parsed, "statelite", () -> Parsers.tabdump(section(sections, "statelite")));
        String node = key.substring(0, key.indexOf('|'));
        String image = key.substring(node.length() + 1);
        return rows.stream()
            .filter(r -> node.equals(r.get("node")) && image.equals(r.getOrDefault("image", "")))
            .findFirst()
            .map(
                r ->
                    present(
                        id,
                        Map.of("statemnt", r.get("statemnt"), "mntopts", r.get("mntopts")),
                        false))
            .orElse(new Observed.Absent(id));
      }
      case LITEFILE -> {
        List<Map<String, String>> rows =
            cached(parsed, "litefile", () -> Parsers.tabdump(section(sections, "litefile")));
        String image = key.substring(0, key.indexOf('|'));
        String file = key.substring(image.length() + 1);
        return rows.stream()
            .filter(r -> image.equals(r.get("image")) && file.equals(r.get("file")))
            .findFirst()
            .map(r -> present(id, Map.of("options", r.get("options")), false))
            .orElse(new Observed.Absent(id));
      }
      case DB2_CLIENT_FILE ->
          throw new IllegalArgumentException(id + " is observed by TealReader, not HostReader");
      case DB2_CONNECTION -> {
        return TealConnection.observe(want, sections);
      }
      case NETWORK_OPTION -> {
        return present(
            id,
            Map.of("value", TealReader.networkOption(section(sections, "no:" + key), key)),
            false);
      }
      case FILE -> {
        Optional<List<String>> lines = file(sections, key);
        return lines.isEmpty()
            ? new Observed.Absent(id)
            : present(id, Map.of("content", content(lines.get())), false);
      }
      case NFS_TUNABLES -> {
        Optional<List<String>> lines = file(sections, key);
        if (lines.isEmpty()) {
          return new Observed.Absent(id);
        }
        Map<String, String> p = new TreeMap<>();
        for (String line : lines.get()) {
          Matcher m = TUNABLE.matcher(line.strip());
          if (m.find() && want.properties().containsKey(m.group(1))) {
            p.put(m.group(1), m.group(2));
          }
        }
        return present(id, p, false);
      }
      case EXPORT -> {
        Optional<List<String>> lines = file(sections, "/etc/exports");
        if (lines.isEmpty()) {
          return new Observed.Absent(id);
        }
        return lines.get().stream()
            .map(String::strip)
            .filter(l -> Words.split(l)[0].equals(key))
            .findFirst()
            .map(
                l ->
                    present(
                        id,
                        Map.of(
                            "line",
                            ExportMeaning.exportLine(
                                l, want.properties().getOrDefault("line", ""))),
                        false))
            .orElse(new Observed.Absent(id));
      }
      case SHUTDOWN_ORDER -> {
        Optional<List<String>> lines = file(sections, "/etc/rc.shutdown");
        return lines.isEmpty()
            ? new Observed.Absent(id)
            : present(id, Map.of("lines", content(lines.get()).stripTrailing()), false);
      }
      case INITTAB_ORDER -> {
        List<String> ids =
            cached(parsed, "inittab", () -> Parsers.inittabIds(section(sections, "inittab")));
        List<String> wanted =
            Arrays.asList(want.properties().getOrDefault("order", "").split(",", -1));
        List<String> order = ids.stream().filter(wanted::contains).toList();
        return present(id, Map.of("order", String.join(",", order)), false);
      }
      case SERVICE -> {
        if (key.equals("gpfs")) {
          List<String> lines = sections.get("mmgetstate").orElse(List.of());
          if (lines.stream().anyMatch(l -> l.contains("does not belong to a GPFS cluster"))) {
            return new Observed.Absent(id);
          }
          String state =
              cached(
                  parsed, "mmgetstate", () -> Parsers.mmgetstate(section(sections, "mmgetstate")));
          return present(id, Map.of("state", state), false);
        }
        Map<String, String> status =
            cached(parsed, "lssrc", () -> Parsers.lssrc(section(sections, "lssrc")));
        String state = status.get(key);
        return state == null ? new Observed.Absent(id) : present(id, Map.of("state", state), false);
      }
      case GPFS_MOUNT -> {
        List<String> clusterLines = sections.get("mmlscluster").orElse(List.of());
        if (clusterLines.stream().anyMatch(l -> l.contains("does not belong to a GPFS cluster"))) {
          return new Observed.Absent(id);
        }
        List<String> clusterOut = section(sections, "mmlscluster");
        List<String> state = sections.get("mmgetstate").orElse(List.of());
        if (downHere(state)) {
          // A node whose GPFS daemon is down has nothing mounted, whatever mmlsmount says then.
          return new Observed.Absent(id);
        }
        List<GpfsNodes.Mounted> mounted = GpfsNodes.mounted(section(sections, "mmlsmount"));
        String localName;
        try {
          localName = GpfsNodes.localName(state);
        } catch (Unparseable e) {
          localName = "";
        }
        if (!GpfsNodes.mountedHere(host, localName, GpfsNodes.members(clusterOut), mounted)) {
          return new Observed.Absent(id);
        }
        String cluster = Parsers.gpfsClusterName(clusterOut);
        Map<String, String> flags = Parsers.mmlsfs(section(sections, "mmlsfs"));
        if (!flags.containsKey("-T") || !flags.containsKey("-B")) {
          throw new Unparseable("mmlsfs " + device(key) + " -T -B: no -T or -B line");
        }
        return present(
            id,
            Map.of(
                "cluster",
                cluster,
                "mountPoint",
                flags.get("-T"),
                "blockSize",
                Parsers.blockSize(flags.get("-B"))),
            false);
      }
      case SOFTWARE -> {
        return software(want, sections, parsed);
      }
      case RUNNING_NODE -> {
        Optional<List<String>> xcatinfo = file(sections, XCATINFO);
        if (xcatinfo.isEmpty()) {
          return new Observed.Absent(id);
        }
        String gateway =
            cached(parsed, "netstat", () -> Parsers.defaultGateway(section(sections, "netstat")));
        Context context = (Context) parsed.get(CONTEXT);
        String server =
            NodeMeaning.xcatServer(
                Parsers.xcatServer(xcatinfo.get()),
                want.properties().getOrDefault("xcatserver", ""),
                context.serverNames().getOrDefault(key, ""));
        return present(id, Map.of("xcatserver", server, "gateway", gateway), false);
      }
      case NODE_HEALTH ->
          throw new IllegalStateException("node health is read by NodeHealthReader: " + id);
      case DISKLESS_NODE -> {
        Map<String, Map<String, String>> machines =
            cached(parsed, "lsnim", () -> Parsers.lsnimLong(section(sections, "lsnim")));
        Map<String, String> machine = machines.get(key);
        if (machine == null) {
          return new Observed.Absent(id);
        }
        // The machine names its spot; an image may use a spot of another name (its osimage's).
        String image = want.properties().getOrDefault("image", "");
        String spot = machine.getOrDefault("spot", "");
        Context context = (Context) parsed.get(CONTEXT);
        boolean serves = spot.equals(context.spots().getOrDefault(image, image));
        return present(id, Map.of("image", serves ? image : spot), false);
      }
      case NIM_RESOURCES -> {
        return nimCopies(id, want, sections, parsed);
      }
      case PAGING_FILE -> {
        String root = pagingRoot(key);
        // Once per listing, not per file: an SN's listing has a line per file of its nodes.
        boolean missing =
            cached(
                parsed,
                "paging-missing:" + root,
                () ->
                    sections.get("paging:" + root).orElse(List.of()).stream()
                        .anyMatch(l -> l.contains("does not exist")));
        if (missing) {
          return new Observed.Absent(id);
        }
        Map<String, Long> files =
            cached(
                parsed,
                "paging:" + root,
                () -> Parsers.lsRecursive(section(sections, "paging:" + root), root));
        Long size = files.get(key);
        return size == null
            ? new Observed.Absent(id)
            : present(id, Map.of("sizeMiB", Long.toString(size / (1024 * 1024))), false);
      }
    }
    throw new IllegalStateException("no reader for " + id.kind());
  }

  /**
   * An SN's copies of an image's NIM resources: absent when it holds none, else their NFS version,
   * naming the copies whose version is not the wanted one (see {@link NimVersions}).
   */
  private static Observed nimCopies(
      ResourceId id, Resource want, Sections sections, Map<String, Object> parsed)
      throws Unparseable {
    Context context = (Context) parsed.get(CONTEXT);
    List<String> names = context.imageResources().get(id.key());
    if (names == null) {
      throw new Unparseable(
          "the EMS did not show image " + id.key() + " (lsdef -t osimage): its NIM resources");
    }
    Map<String, Map<String, String>> nim =
        cached(parsed, "nfs_vers", () -> Parsers.lsnimLong(section(sections, "nfs_vers")));
    List<String> held = names.stream().filter(nim::containsKey).toList();
    if (held.isEmpty()) {
      return new Observed.Absent(id);
    }
    String wanted = want.properties().getOrDefault("nfs_vers", "");
    List<String> others =
        held.stream()
            .filter(n -> !wanted.equals(nim.get(n).getOrDefault("nfs_vers", ImageMeaning.UNSET)))
            .filter(NimVersions::isName)
            .toList();
    String seen = ImageMeaning.nfsVers(held, nim);
    return present(id, Map.of("nfs_vers", NimVersions.describe(seen, others)), false);
  }

  /** Each osimage's NIM resources, from the EMS's lsdef section if it ran and was read. */
  static Map<String, List<String>> imageResources(Sections sections) {
    Map<String, List<String>> out = new TreeMap<>();
    if (sections.get("osimage").isEmpty() || !sections.ok("osimage")) {
      return out;
    }
    try {
      Parsers.lsdefLong(sections.get("osimage").get())
          .forEach((image, attributes) -> out.put(image, ImageMeaning.resources(attributes)));
    } catch (Unparseable e) {
      // The osimage resources report it; the SNs' copies are then unknown.
    }
    return out;
  }

  /** Each osimage's {@code spot} attribute, from the EMS's lsdef section if it ran and was read. */
  static Map<String, String> spots(Sections sections) {
    Map<String, String> out = new TreeMap<>();
    if (sections.get("osimage").isEmpty() || !sections.ok("osimage")) {
      return out;
    }
    try {
      Parsers.lsdefLong(sections.get("osimage").get())
          .forEach(
              (image, attributes) -> {
                String spot = attributes.getOrDefault("spot", "");
                if (!spot.isEmpty()) {
                  out.put(image, spot);
                }
              });
    } catch (Unparseable e) {
      // The osimage resources report it; the spots then go by the image's own name.
    }
    return out;
  }

  private static boolean downHere(List<String> mmgetstate) {
    try {
      return Parsers.mmgetstate(mmgetstate).equals("down");
    } catch (Unparseable e) {
      return false;
    }
  }

  private static Observed software(Resource want, Sections sections, Map<String, Object> parsed)
      throws Unparseable {
    ResourceId id = want.id();
    if (id.key().equals("oslevel")) {
      List<String> lines = section(sections, "oslevel");
      String level =
          lines.stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .findFirst()
              .orElseThrow(() -> new Unparseable("oslevel -s printed nothing"));
      String minimum = want.properties().get("minimum");
      return present(id, Map.of("minimum", level.compareTo(minimum) >= 0 ? minimum : level), true);
    }
    if (id.key().equals("xcat")) {
      Optional<String> level = Parsers.rpmVersion(section(sections, "rpm", true), XCAT_RPM);
      if (level.isEmpty()) {
        return new Observed.Absent(id);
      }
      String minimum = want.properties().get("minimum");
      return present(
          id,
          Map.of("minimum", compareVersions(level.get(), minimum) >= 0 ? minimum : level.get()),
          true);
    }
    if (id.key().startsWith(ResourceKind.FILESET_KEY)) {
      String fileset = id.key().substring(ResourceKind.FILESET_KEY.length());
      return Filesets.observe(want, fileset, section(sections, Filesets.section(fileset), true));
    }
    List<String> labels = cached(parsed, "emgr", () -> Parsers.emgrLabels(emgr(sections)));
    String fix = id.key().substring("ifix:".length());
    return labels.contains(fix)
        ? present(id, Map.of("installed", "yes"), true)
        : new Observed.Absent(id);
  }

  /**
   * What {@code emgr -l} listed. A host whose listing never ran, or failed for another reason than
   * having no ifix at all, is not observed: a missing ifix is only reported when it is known.
   */
  private static List<String> emgr(Sections sections) throws Unparseable {
    Optional<String> failure = sections.failure("emgr");
    if (failure.filter(said -> said.contains("There is no efix data")).isPresent()) {
      return List.of();
    }
    return section(sections, "emgr");
  }

  /** Compares dotted numeric versions: 2.10 is after 2.9; a non-number compares as text. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.", -1);
    String[] y = b.split("\\.", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c =
          p.matches("\\d{1,9}") && q.matches("\\d{1,9}")
              ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q))
              : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static Optional<List<String>> file(Sections sections, String path) throws Unparseable {
    String name = "file:" + path;
    if (sections.get(name).isEmpty()) {
      throw new Unparseable("no output for " + path + " (the probe script stopped early)");
    }
    if (sections.absent(name)) {
      return Optional.empty();
    }
    return sections.get(name);
  }

  /** The file's text as {@code cat} printed it, with one final newline. */
  private static String content(List<String> lines) {
    List<String> body = new ArrayList<>(lines);
    while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
      body.remove(body.size() - 1);
    }
    return body.isEmpty() ? "" : String.join("\n", body) + "\n";
  }

  /** The observed attributes the desired resource names, unset ones empty. */
  private static Map<String, String> only(Map<String, String> observed, Resource want) {
    Map<String, String> out = new TreeMap<>();
    for (String name : want.properties().keySet()) {
      out.put(name, observed.getOrDefault(name, ""));
    }
    return out;
  }
}
