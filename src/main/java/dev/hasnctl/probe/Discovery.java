package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.probe.Discovered.Levels;
import dev.hasnctl.probe.Discovered.ServiceNodeFacts;
import dev.hasnctl.probe.Discovered.SharedFilesystem;
import dev.hasnctl.probe.Parsers.Unparseable;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.XdshError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cluster without a spec, for {@code hasnctl import}: read-only and batched, with the
 * probe's commands and parsers. Four round trips whatever the cluster's size: the xCAT tables on
 * the EMS; the postscripts they name, on the EMS; one {@code xdsh} to every SN (xCAT's {@code
 * service} group); and one {@code xdsh} to the first SN naming a GPFS filesystem, for its
 * attributes. Nothing that holds a secret is read.
 */
public final class Discovery {
  private static final String NODE_ATTRIBUTES =
      "servicenode,xcatmaster,groups,provmethod,postscripts";

  /** The postscript xCAT ships to set up NFSv4 client replication failover (seed). */
  public static final String REPLICATION_POSTSCRIPT = "setupnfsv4replication";

  /** A postscript name that is a plain file name in the postscripts directory. */
  private static final Pattern POSTSCRIPT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** {@code mkps -t nfs HOST DIR/`hostname -s`/NAME:FLAGS}: the directory the node's file is in. */
  private static final Pattern MKPS_DIR = Pattern.compile("mkps -t nfs \\S+ (/[^`\\s]+)/`");

  /** Where AIX keeps the NFSv4 domain (chnfsdom). */
  private static final String LOCAL_DOMAIN = "/etc/nfs/local_domain";

  /**
   * {@code mmlsmount all -L}: {@code File system DEV [(CLUSTER:DEV)] is mounted on N nodes:} or
   * {@code ... is not mounted.} (IBM Spectrum Scale "Determining which nodes have a file system
   * mounted"; the simulator leaves out the parenthesis).
   */
  private static final Pattern MOUNTED = Pattern.compile("^File system (\\S+) (?:\\(\\S+\\) )?is ");

  /** The host reached as the EMS runs no xCAT: there is nothing to import. */
  public static final class NotAnEms extends Exception {
    private static final long serialVersionUID = 1L;

    NotAnEms(String message) {
      super(message);
    }
  }

  private final Transport transport;
  private final HostName ems;
  private final Duration timeout;
  private final List<String> problems = new ArrayList<>();

  public Discovery(Transport transport, HostName ems, Duration timeout) {
    this.transport = transport;
    this.ems = ems;
    this.timeout = timeout;
  }

  /**
   * Reads the cluster.
   *
   * @throws TransportException when the EMS itself cannot be reached: there is nothing to import
   * @throws NotAnEms when the EMS has no xCAT (its shell found no {@code tabdump})
   */
  public Discovered discover() throws TransportException, NotAnEms {
    Script tables = new Script();
    tables.run("site", Argv.of("tabdump", "site"));
    tables.run("networks", Argv.of("tabdump", "networks"));
    tables.run("osimage", Argv.of("lsdef", "-t", "osimage", "-l"));
    tables.run("nfs_vers", Argv.of("lsnim", "-a", "nfs_vers"));
    tables.run("dumps", Argv.of("lsnim", "-t", "dump", "-l"));
    tables.run("nodes", Argv.of("lsdef", "-t", "node", "-i", NODE_ATTRIBUTES, "-c"));
    tables.run("postscripts", Argv.of("tabdump", "postscripts"));
    tables.run("statelite", Argv.of("tabdump", "statelite"));
    tables.run("litefile", Argv.of("tabdump", "litefile"));
    tables.cat("file:/etc/exports", "/etc/exports");
    tables.cat("file:" + LOCAL_DOMAIN, LOCAL_DOMAIN);
    levelsScript(tables);
    Sections emsOut = Sections.parse(lines(run(ems, tables).stdout()));
    if (emsOut.failure("site").filter(s -> s.contains("not found")).isPresent()) {
      throw new NotAnEms(ems + " is not an xCAT EMS (" + emsOut.failure("site").get() + ")");
    }

    Map<String, String> site = new TreeMap<>();
    for (Map<String, String> row : rows(emsOut, "site", ems)) {
      site.put(row.getOrDefault("key", ""), row.getOrDefault("value", ""));
    }
    List<Map<String, String>> networks = rows(emsOut, "networks", ems);
    Map<String, Map<String, String>> images = new TreeMap<>();
    parse(emsOut, "osimage", ems, Parsers::lsdefLong).ifPresent(images::putAll);
    Map<String, Map<String, String>> nim =
        parse(emsOut, "nfs_vers", ems, Parsers::lsnimLong).orElse(Map.of());
    images.replaceAll(
        (name, attributes) -> {
          Map<String, String> with = new TreeMap<>(attributes);
          with.put("nfs_vers", ImageMeaning.nfsVers(ImageMeaning.resources(attributes), nim));
          return with;
        });
    Map<String, Map<String, String>> dumps =
        parse(emsOut, "dumps", ems, Parsers::lsnimLong).orElse(Map.of());
    String defaults = NodeMeaning.xcatDefaults(rows(emsOut, "postscripts", ems));
    Map<String, Map<String, String>> nodes = new TreeMap<>();
    parse(emsOut, "nodes", ems, Parsers::lsdefCompressed)
        .orElse(Map.of())
        .forEach(
            (node, attributes) -> {
              Map<String, String> own = new TreeMap<>(attributes);
              own.put(
                  "postscripts",
                  NodeMeaning.postscripts(
                      attributes.getOrDefault("postscripts", ""), defaults, null));
              nodes.put(node, own);
            });
    List<String> emsExports = file(emsOut, "/etc/exports").orElse(List.of());
    Levels emsLevels = levels(emsOut, ems);
    Map<String, String> nfsDomains = new TreeMap<>();
    file(emsOut, LOCAL_DOMAIN)
        .ifPresent(lines -> nfsDomains.put(ems.value(), String.join("\n", lines).strip()));

    String installDir = site.getOrDefault("installdir", "");
    Map<String, String> postscripts =
        installDir.startsWith("/") ? postscripts(installDir, nodes) : Map.of();

    List<String> sns =
        nodes.entrySet().stream()
            .filter(
                e -> NodeMeaning.names(e.getValue().getOrDefault("groups", "")).contains("service"))
            .map(Map.Entry::getKey)
            .filter(HostName::isValid)
            .toList();
    Set<String> pagingRoots = new LinkedHashSet<>();
    postscripts.values().forEach(text -> pagingRoots.addAll(pagingDirs(text)));
    Map<String, Long> pagingFiles = new TreeMap<>();
    Map<String, ServiceNodeFacts> serviceNodes = new TreeMap<>();
    Optional<SharedFilesystem> gpfs = Optional.empty();
    if (!sns.isEmpty()) {
      Script snScript = new Script();
      snScript.cat("file:/etc/exports", "/etc/exports");
      snScript.cat("file:" + LOCAL_DOMAIN, LOCAL_DOMAIN);
      snScript.run("inittab", Argv.of("lsitab", "-a"));
      snScript.cat("file:/etc/rc.shutdown", "/etc/rc.shutdown");
      snScript.run("mmlscluster", Argv.of("mmlscluster"));
      snScript.run("mmlsmount", Argv.of("mmlsmount", "all", "-L"));
      levelsScript(snScript);
      for (String root : pagingRoots) {
        snScript.run("paging:" + root, Argv.of("ls", "-lR", root));
      }
      Map<String, Sections> answers = xdsh(sns, snScript);
      answers.forEach(
          (sn, out) -> {
            HostName host = HostName.of(sn);
            serviceNodes.put(sn, serviceNode(host, out));
            file(out, LOCAL_DOMAIN)
                .ifPresent(lines -> nfsDomains.put(sn, String.join("\n", lines).strip()));
            for (String root : pagingRoots) {
              if (out.ok("paging:" + root)) {
                parse(out, "paging:" + root, host, lines -> Parsers.lsRecursive(lines, root))
                    .ifPresent(pagingFiles::putAll);
              }
            }
          });
      gpfs = sharedFilesystem(serviceNodes);
    }
    return new Discovered(
        site,
        networks,
        images,
        dumps,
        nodes,
        rows(emsOut, "statelite", ems),
        rows(emsOut, "litefile", ems),
        emsExports,
        postscripts,
        emsLevels,
        serviceNodes,
        gpfs,
        pagingFiles,
        nfsDomains,
        problems);
  }

  /** The directories a paging postscript makes the nodes' paging files in. */
  static List<String> pagingDirs(String postscript) {
    List<String> out = new ArrayList<>();
    Matcher m = MKPS_DIR.matcher(postscript);
    while (m.find()) {
      if (!out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private Map<String, String> postscripts(String installDir, Map<String, Map<String, String>> nodes)
      throws TransportException {
    Set<String> names = new LinkedHashSet<>();
    names.add(REPLICATION_POSTSCRIPT);
    nodes.values().forEach(n -> names.addAll(NodeMeaning.names(n.getOrDefault("postscripts", ""))));
    Script script = new Script();
    List<String> files = new ArrayList<>();
    for (String name : names) {
      if (POSTSCRIPT_NAME.matcher(name).matches()) {
        String path = installDir + "/postscripts/" + name;
        files.add(name);
        script.cat("file:" + name, path);
      }
    }
    Sections out = Sections.parse(lines(run(ems, script).stdout()));
    Map<String, String> texts = new TreeMap<>();
    for (String name : files) {
      file(out, name).ifPresent(body -> texts.put(name, text(body)));
    }
    return texts;
  }

  private ServiceNodeFacts serviceNode(HostName host, Sections out) {
    List<String> devices = new ArrayList<>();
    for (String line : out.get("mmlsmount").orElse(List.of())) {
      Matcher m = MOUNTED.matcher(line.strip());
      if (m.find() && !devices.contains(m.group(1))) {
        devices.add(m.group(1));
      }
    }
    Optional<String> cluster =
        out.ok("mmlscluster")
            ? parse(out, "mmlscluster", host, Parsers::gpfsClusterName)
            : Optional.empty();
    Optional<List<String>> inittab = parse(out, "inittab", host, lines -> validInittab(lines));
    return new ServiceNodeFacts(
        file(out, "/etc/exports"),
        inittab,
        file(out, "/etc/rc.shutdown"),
        cluster,
        devices,
        gpfsAddresses(out),
        levels(out, host));
  }

  /** The members mmlscluster lists: first label of the admin node name to the IP address. */
  private static Map<String, String> gpfsAddresses(Sections out) {
    Map<String, String> addresses = new TreeMap<>();
    if (out.ok("mmlscluster")) {
      for (GpfsNodes.Member m : GpfsNodes.members(out.get("mmlscluster").orElseThrow())) {
        String name = m.adminName().isEmpty() ? m.daemonName() : m.adminName();
        int dot = name.indexOf('.');
        if (!m.address().isEmpty()) {
          addresses.put(dot < 0 ? name : name.substring(0, dot), m.address());
        }
      }
    }
    return addresses;
  }

  /** The lsitab lines whose ids {@link Parsers#inittabIds} reads, blank lines left out. */
  private static List<String> validInittab(List<String> lines) throws Unparseable {
    Parsers.inittabIds(lines);
    return lines.stream().filter(l -> !l.isBlank()).toList();
  }

  /** The first SN's view of the filesystem the SNs name, with {@code mmlsfs}. */
  private Optional<SharedFilesystem> sharedFilesystem(Map<String, ServiceNodeFacts> sns)
      throws TransportException {
    for (Map.Entry<String, ServiceNodeFacts> sn : sns.entrySet()) {
      if (sn.getValue().gpfsDevices().isEmpty()) {
        continue;
      }
      String device = sn.getValue().gpfsDevices().get(0);
      Script script = new Script();
      script.run("mmlsfs", Argv.of("mmlsfs", device, "-T", "-B"));
      Map<String, Sections> answers = xdsh(List.of(sn.getKey()), script);
      Sections out = answers.get(sn.getKey());
      if (out == null || !out.ok("mmlsfs")) {
        problems.add(sn.getKey() + ": mmlsfs " + device + " -T -B failed");
        return Optional.empty();
      }
      Map<String, String> flags = Parsers.mmlsfs(out.get("mmlsfs").orElseThrow());
      try {
        if (flags.containsKey("-T") && flags.containsKey("-B")) {
          return Optional.of(
              new SharedFilesystem(device, flags.get("-T"), Parsers.blockSize(flags.get("-B"))));
        }
        problems.add(sn.getKey() + ": mmlsfs " + device + " -T -B: no -T or -B line");
      } catch (Unparseable e) {
        problems.add(sn.getKey() + ": " + e.getMessage());
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static void levelsScript(Script script) {
    script.run("oslevel", Argv.of("oslevel", "-s"));
    script.run("rpm", Argv.of("rpm", "-q", "xCAT-server"));
    script.run("emgr", Argv.of("emgr", "-l"));
  }

  private Levels levels(Sections out, HostName host) {
    Optional<String> aix =
        out.ok("oslevel")
            ? out.get("oslevel").orElseThrow().stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
            : Optional.empty();
    if (aix.isEmpty()) {
      problems.add(host + ": oslevel -s printed no level");
    }
    Optional<String> xcat = Optional.empty();
    if (out.get("rpm").isPresent()) {
      List<String> said = new ArrayList<>(out.get("rpm").get());
      said.remove(Sections.FAILED);
      try {
        xcat = Parsers.rpmVersion(said, "xCAT-server");
      } catch (Unparseable e) {
        problems.add(host + ": " + e.getMessage());
      }
    }
    Optional<List<String>> ifixes;
    if (out.failure("emgr").filter(s -> s.contains("There is no efix data")).isPresent()) {
      ifixes = Optional.of(List.of());
    } else if (out.ok("emgr")) {
      ifixes = Optional.of(Parsers.emgrLabels(out.get("emgr").orElseThrow()));
    } else {
      problems.add(host + ": emgr -l failed");
      ifixes = Optional.empty();
    }
    return new Levels(aix, xcat, ifixes);
  }

  private interface Parse<T> {
    T apply(List<String> lines) throws Unparseable;
  }

  /** Section {@code name} parsed; a failure or bad format is a problem and an empty result. */
  private <T> Optional<T> parse(Sections out, String name, HostName host, Parse<T> parser) {
    Optional<List<String>> lines = out.get(name);
    if (lines.isEmpty()) {
      problems.add(host + ": no output for " + name);
      return Optional.empty();
    }
    if (!out.ok(name)) {
      problems.add(host + ": " + name + " failed: " + out.failure(name).orElse(""));
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(lines.get()));
    } catch (Unparseable e) {
      problems.add(host + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private List<Map<String, String>> rows(Sections out, String table, HostName host) {
    return parse(out, table, host, Parsers::tabdump).orElse(List.of());
  }

  /** A cat section's lines; empty when the file does not exist or the script never got there. */
  private static Optional<List<String>> file(Sections out, String path) {
    String name = "file:" + path;
    if (out.get(name).isEmpty() || out.absent(name)) {
      return Optional.empty();
    }
    List<String> body = new ArrayList<>(out.get(name).get());
    while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
      body.remove(body.size() - 1);
    }
    return Optional.of(body);
  }

  private static String text(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  private ExecResult run(HostName host, Script script) throws TransportException {
    return transport.exec(host, Argv.of("sh", "-c", script.toString()), timeout);
  }

  /** One xdsh on the EMS to {@code hosts}: each host's sections; unreachable ones are problems. */
  private Map<String, Sections> xdsh(List<String> hosts, Script script) throws TransportException {
    ExecResult r =
        transport.exec(ems, Argv.of("xdsh", Noderange.compress(hosts), script.toString()), timeout);
    Map<String, List<String>> perHost = new LinkedHashMap<>();
    for (String line : lines(r.stdout())) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        perHost
            .computeIfAbsent(line.substring(0, colon), h -> new ArrayList<>())
            .add(line.substring(colon + 2));
      }
    }
    for (String line : lines(r.stderr())) {
      XdshError.parse(line)
          .filter(e -> !e.reached())
          .ifPresent(
              e -> {
                perHost.remove(e.node());
                problems.add(e.node() + " unreachable: " + line.strip());
              });
    }
    Map<String, Sections> out = new TreeMap<>();
    for (String host : hosts) {
      if (perHost.containsKey(host)) {
        out.put(host, Sections.parse(perHost.get(host)));
      } else if (problems.stream().noneMatch(p -> p.startsWith(host + " unreachable"))) {
        problems.add(host + ": no output through xdsh");
      }
    }
    return out;
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
  }
}
