package dev.hasnctl.cli;

import dev.hasnctl.model.AbsolutePath;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.probe.Discovered;
import dev.hasnctl.probe.Discovered.Levels;
import dev.hasnctl.probe.Discovered.ServiceNodeFacts;
import dev.hasnctl.probe.Discovery;
import dev.hasnctl.spec.ConsoleRedirect;
import dev.hasnctl.spec.Ems;
import dev.hasnctl.spec.Paging;
import dev.hasnctl.spec.Postscripts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what {@link Discovery} read into a spec tree in the layout of {@code
 * examples/cluster.yaml}: every value is one the cluster showed; what it does not show is left to
 * the spec's documented default or written as a reference, with a comment saying so. Where SNs
 * disagree the majority is written and the disagreement reported. Pure.
 */
final class Importer {
  private static final Pattern TUNABLE = Pattern.compile("^\\$::(NFS[A-Z]+)\\s*=\\s*(\\d+)\\s*;");
  private static final Pattern MKPS =
      Pattern.compile("^mkps -t nfs \\$MASTER (/\\S+)/`hostname -s`/([A-Za-z0-9_]+):(\\S*)$");
  private static final Pattern SWCONS = Pattern.compile("^/usr/sbin/swcons -p (/\\S+)$");

  /** The services the seed starts after GPFS at boot: NFS and xcatd (seed, /etc/inittab). */
  private static final Pattern AFTER_GPFS = Pattern.compile("rc\\.nfs|xcatd");

  /**
   * A spec tree with its comments, and what the user must hear about.
   *
   * @param tree the spec, in the example's key order
   * @param comments JSON pointer to the comment lines above that key
   * @param notes the header's list of what the cluster did not say
   * @param disagreements where SNs disagree, each naming the hosts and what was written
   */
  record Imported(
      Map<String, Object> tree,
      Map<String, List<String>> comments,
      List<String> notes,
      List<String> disagreements) {}

  private final Discovered found;
  private final Map<String, Object> tree = new LinkedHashMap<>();
  private final Map<String, List<String>> comments = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> disagreements = new ArrayList<>();
  private final Set<String> idle = new TreeSet<>();

  private Importer(Discovered found) {
    this.found = found;
  }

  /** The spec of the cluster {@code found}, reached as {@code connection}, its EMS {@code ems}. */
  static Imported of(Discovered found, String connection, HostName ems) {
    return new Importer(found).build(connection, ems);
  }

  private Imported build(String connection, HostName emsName) {
    Map<String, String> site = found.site();
    String domain = site.getOrDefault("domain", "");
    tree.put("version", 1);
    String name = domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain;
    tree.put("name", name.isEmpty() ? emsName.shortName() : name);
    comment(
        "/name",
        "xCAT keeps no cluster name: this is the first label of the site domain"
            + (name.isEmpty() ? " (none set: the EMS's name)" : "")
            + "; rename at will.");

    Map<String, Object> ems = new LinkedHashMap<>();
    ems.put("name", site.getOrDefault("master", emsName.shortName()));
    ems.put("connection", connection);
    ems.put("snAccess", "xdsh");
    db2Export()
        .ifPresentOrElse(
            export -> {
              ems.put("database", "db2");
              Map<String, Object> e = new LinkedHashMap<>();
              e.put("path", export.getKey());
              if (!export.getValue().equals(new Ems.Db2Export(null, null).options())) {
                e.put("options", export.getValue());
              }
              ems.put("db2Export", e);
            },
            () ->
                notes.add(
                    "ems.database: the EMS exports no DB2 directory, and hasnctl never reads"
                        + " /etc/xcat/cfgloc (it holds the database password): the default (sqlite)"
                        + " applies."));
    tree.put("ems", ems);

    Map<String, Object> siteOut = new LinkedHashMap<>();
    for (String attribute : List.of("domain", "nameservers", "useNFSv4onAIX", "sharedinstall")) {
      siteOut.put(attribute, site.getOrDefault(attribute, ""));
      if (!site.containsKey(attribute)) {
        comment("/site/" + attribute, "Not set in the xCAT site table.");
      }
    }
    Optional.ofNullable(site.get("ntpservers")).ifPresent(ntp -> siteOut.put("ntpservers", ntp));
    tree.put("site", siteOut);
    nfsDomainsDisagreeing(domain);

    List<Object> networks = new ArrayList<>();
    for (Map<String, String> row : found.networks()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("name", row.getOrDefault("netname", ""));
      n.put("net", row.getOrDefault("net", ""));
      n.put("mask", row.getOrDefault("mask", ""));
      n.put("nameservers", row.getOrDefault("nameservers", ""));
      String gateway = row.getOrDefault("gateway", "");
      if (!gateway.isEmpty()) {
        n.put("gateway", gateway);
      }
      networks.add(n);
    }
    tree.put("networks", networks);

    List<String> sns = serviceNodes();
    Map<String, Paging> paging = paging();
    tree.put("sharedInstall", sharedInstall(sns, paging));
    tree.put("serviceNodes", serviceNodeList(sns));
    tree.put("pairs", pairs(sns));
    exportOptions(sns).ifPresent(options -> tree.put("exports", Map.of("options", options)));
    tree.put("serviceOrder", serviceOrder(sns));
    tree.put("images", images());
    Optional<ConsoleRedirect> redirect = consoleRedirect();
    tree.put("groups", groups(paging, redirect, sns));
    idle.forEach(
        sn ->
            disagreements.add(
                sn
                    + " serves no compute node now (no servicenode lists it first), though nodes"
                    + " name it as their backup: moved by snmove? xCAT does not record from where;"
                    + " each such group's comment says how to write the move (active: backup)."));
    nfsFailover().ifPresent(f -> tree.put("nfsFailover", f));
    tree.put("statelite", statelite());
    tree.put("litefile", litefile());
    redirect.ifPresent(
        r -> {
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("postscript", r.postscript());
          c.put("target", r.target().value());
          tree.put("consoleRedirect", c);
        });
    notes.add(
        "nodeServices: import does not log in to compute nodes; the defaults apply (syslog and"
            + " NTP from the xcatmaster, no default gateway, /etc/hosts).");
    tree.put("software", software(sns));
    teal();
    return new Imported(tree, comments, notes, disagreements);
  }

  /** Hosts whose NFSv4 domain is not the site's: the spec has one domain for both. */
  private void nfsDomainsDisagreeing(String domain) {
    Map<String, List<String>> by = new TreeMap<>();
    found
        .nfsDomains()
        .forEach((host, d) -> by.computeIfAbsent(d, k -> new ArrayList<>()).add(host));
    by.remove(domain);
    by.forEach(
        (other, hosts) ->
            disagreements.add(
                Noderange.compress(hosts)
                    + ": NFSv4 domain (/etc/nfs/local_domain) is "
                    + (other.isEmpty() ? "empty" : other)
                    + ", the xCAT site domain "
                    + domain
                    + "\n  written: the site's (plan then sets the NFSv4 domain to it)"));
  }

  private void comment(String pointer, String... lines) {
    comments.computeIfAbsent(pointer, p -> new ArrayList<>()).addAll(List.of(lines));
  }

  /** The EMS's export of the DB2 directory the seed names: {@code /mntdb2 -vers=4,...}. */
  private Optional<Map.Entry<String, String>> db2Export() {
    String seedOptions = new Ems.Db2Export(null, null).options();
    for (String line : found.emsExports()) {
      String[] parts = line.strip().split("\\s+", 2);
      if (parts.length == 2
          && parts[1].startsWith("-")
          && (parts[0].equals("/mntdb2") || parts[1].substring(1).equals(seedOptions))) {
        return Optional.of(Map.entry(parts[0], parts[1].substring(1)));
      }
    }
    return Optional.empty();
  }

  /** The nodes of xCAT's {@code service} group, in name order. */
  private List<String> serviceNodes() {
    return found.nodes().entrySet().stream()
        .filter(e -> names(e.getValue().getOrDefault("groups", "")).contains("service"))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  private Map<String, Object> sharedInstall(List<String> sns, Map<String, Paging> paging) {
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<String> cluster =
        majority(
            "the GPFS cluster (mmlscluster)",
            sns,
            sn -> fact(sn).flatMap(ServiceNodeFacts::gpfsCluster));
    out.put("gpfsCluster", cluster.orElse(""));
    if (cluster.isEmpty()) {
      comment("/sharedInstall/gpfsCluster", "No SN showed a GPFS cluster (mmlscluster).");
    }
    found
        .gpfs()
        .ifPresentOrElse(
            fs -> {
              out.put("device", "/dev/" + fs.device());
              out.put("mountPoint", fs.mountPoint());
              out.put("blockSize", fs.blockSize());
            },
            () ->
                comment(
                    "/sharedInstall",
                    "No SN named a GPFS filesystem (mmlsmount all -L): device, mount point and"
                        + " block size are the defaults; set them."));
    stateliteDir().ifPresent(dir -> out.put("stateliteDir", dir));
    paging.values().stream()
        .map(p -> p.dir().map(AbsolutePath::value).orElse(""))
        .filter(d -> !d.isEmpty())
        .findFirst()
        .ifPresent(dir -> out.put("pagingDir", dir));
    notes.add(
        "sharedInstall.pagingReplicated: GPFS replication of the paging files is not read; the"
            + " default (false) applies.");
    return out;
  }

  /** The statelite directory the rows mount: {@code $noderes.xcatmaster:DIR}. */
  private Optional<String> stateliteDir() {
    return found.statelite().stream()
        .map(r -> r.getOrDefault("statemnt", ""))
        .filter(m -> m.contains(":/"))
        .map(m -> m.substring(m.indexOf(":/") + 1))
        .findFirst();
  }

  private List<Object> serviceNodeList(List<String> sns) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < sns.size(); i++) {
      String sn = sns.get(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", sn);
      // How this SN's compute nodes know it: the xcatmaster of the nodes it serves now.
      Map<String, Integer> masters = new TreeMap<>();
      found.nodes().values().stream()
          .filter(n -> first(n.getOrDefault("servicenode", "")).equals(sn))
          .map(n -> n.getOrDefault("xcatmaster", ""))
          .filter(m -> !m.isEmpty())
          .forEach(m -> masters.merge(m, 1, Integer::sum));
      Optional<String> xcatmaster = top(masters);
      String at = "/serviceNodes/" + i;
      xcatmaster.ifPresentOrElse(
          m -> entry.put("xcatmaster", m),
          () ->
              comment(
                  at,
                  "No compute node is served by "
                      + sn
                      + " now: its name on their network (xcatmaster) is not known; add it."));
      Optional<String> address = ownReplica(sn);
      if (address.isPresent()) {
        entry.put("address", address.get());
      } else {
        Optional<String> gpfs =
            majority(
                "the GPFS address of " + sn + " (mmlscluster)",
                sns,
                other -> fact(other).map(f -> f.gpfsAddresses().get(sn)));
        entry.put("address", gpfs.orElse(""));
        comment(
            "/serviceNodes/" + i + "/address",
            gpfs.isPresent()
                ? sn
                    + " exports no /install with replicas: this is its address in the GPFS"
                    + " cluster (mmlscluster); check the compute nodes reach it there."
                : "Not known: "
                    + sn
                    + " exports no /install with replicas and is in no GPFS cluster. Set the"
                    + " address its compute nodes reach it on.");
      }
      out.add(entry);
    }
    return out;
  }

  /** The SN's own replica address: the first of its exports' {@code replicas=}. */
  private Optional<String> ownReplica(String sn) {
    return fact(sn).flatMap(ServiceNodeFacts::exports).stream()
        .flatMap(List::stream)
        .map(Importer::replicas)
        .filter(r -> !r.isEmpty())
        .map(r -> r.get(0))
        .map(r -> r.substring(r.indexOf('@') + 1))
        .findFirst();
  }

  /** {@code DIR -replicas=D@A:D@B,...}: {@code [D@A, D@B]}; empty for other lines. */
  private static List<String> replicas(String line) {
    String[] parts = line.strip().split("\\s+", 2);
    if (parts.length < 2 || !parts[1].startsWith("-replicas=")) {
      return List.of();
    }
    String value = parts[1].substring("-replicas=".length());
    int comma = value.indexOf(',');
    return List.of((comma < 0 ? value : value.substring(0, comma)).split(":", -1));
  }

  private List<Object> pairs(List<String> sns) {
    Set<List<String>> pairs = new LinkedHashSet<>();
    for (Map<String, String> node : found.nodes().values()) {
      List<String> servers = List.copyOf(names(node.getOrDefault("servicenode", "")));
      if (servers.size() == 2) {
        List<String> pair = new ArrayList<>(servers);
        pair.sort((a, b) -> Integer.compare(sns.indexOf(a), sns.indexOf(b)));
        pairs.add(pair);
      }
    }
    List<Object> out = new ArrayList<>(pairs);
    out.sort((a, b) -> ((List<?>) a).get(0).toString().compareTo(((List<?>) b).get(0).toString()));
    if (out.isEmpty()) {
      comment(
          "/pairs",
          "No compute node names two service nodes (servicenode=PRIMARY,BACKUP): no pairs yet.");
    }
    return out;
  }

  /**
   * The options of the SNs' /install export (the replicas, which hasnctl derives from the pairs,
   * taken off), the majority's; a cluster before the migration exports it without replicas.
   */
  private Optional<List<String>> exportOptions(List<String> sns) {
    String installDir = found.site().getOrDefault("installdir", "/install");
    Optional<String> options =
        majority(
            "the /install export options (/etc/exports)",
            sns,
            sn ->
                fact(sn).flatMap(ServiceNodeFacts::exports).stream()
                    .flatMap(List::stream)
                    .map(l -> l.strip().split("\\s+", 2))
                    .filter(p -> p.length == 2 && p[0].equals(installDir) && p[1].startsWith("-"))
                    .map(p -> withoutReplicas(p[1].substring(1)))
                    .filter(o -> !o.isEmpty())
                    .findFirst());
    return options.map(o -> List.of(o.split(",", -1)));
  }

  /** Export options without a leading {@code replicas=...}. */
  private static String withoutReplicas(String options) {
    if (!options.startsWith("replicas=")) {
      return options;
    }
    int comma = options.indexOf(',');
    return comma < 0 ? "" : options.substring(comma + 1);
  }

  private Map<String, Object> serviceOrder(List<String> sns) {
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<String> gpfsId =
        majority(
            "the GPFS entry of /etc/inittab",
            sns,
            sn ->
                inittab(sn).stream()
                    .filter(f -> f[3].contains("/usr/lpp/mmfs/"))
                    .map(f -> f[0])
                    .findFirst());
    gpfsId.ifPresentOrElse(
        id -> out.put("gpfsInittabId", id),
        () ->
            comment(
                "/serviceOrder",
                "No SN starts GPFS from /etc/inittab yet: the seed's order (mmfs, then rcnfs"
                    + " and xcatd) is the default."));
    majority(
            "the order of NFS and xcatd in /etc/inittab",
            sns,
            sn -> {
              List<String> ids =
                  inittab(sn).stream()
                      .filter(f -> AFTER_GPFS.matcher(f[3]).find() || f[0].equals("xcatd"))
                      .map(f -> f[0])
                      .toList();
              return ids.isEmpty() ? Optional.empty() : Optional.of(String.join(",", ids));
            })
        .ifPresent(ids -> out.put("afterGpfs", List.of(ids.split(",", -1))));
    majority(
            "/etc/rc.shutdown",
            sns,
            sn ->
                fact(sn)
                    .flatMap(ServiceNodeFacts::shutdown)
                    .map(
                        lines ->
                            String.join("\n", lines.stream().filter(l -> !l.isBlank()).toList())))
        .ifPresentOrElse(
            lines -> out.put("shutdownLines", List.of(lines.split("\n", -1))),
            () ->
                comment(
                    "/serviceOrder",
                    "No SN has an /etc/rc.shutdown: the seed's (stop nfsd, then exit 0) is the"
                        + " default."));
    return out;
  }

  /** An SN's lsitab lines as {@code [id, runlevels, action, command]}. */
  private List<String[]> inittab(String sn) {
    return fact(sn).flatMap(ServiceNodeFacts::inittab).stream()
        .flatMap(List::stream)
        .map(l -> l.split(":", 4))
        .filter(f -> f.length == 4)
        .toList();
  }

  private List<Object> images() {
    List<Object> out = new ArrayList<>();
    int i = 0;
    for (var image : new TreeMap<>(found.images()).entrySet()) {
      Map<String, String> a = image.getValue();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", image.getKey());
      String vers = a.getOrDefault("nfs_vers", "unset");
      if (vers.matches("\\d+")) {
        entry.put("nfsVers", Integer.parseInt(vers));
      } else {
        // NIM serves a resource without nfs_vers over NFS version 3 (its default).
        entry.put("nfsVers", 3);
        comment(
            "/images/" + i + "/nfsVers",
            "lsnim -a nfs_vers shows " + vers + " for this image's resources: NIM's default, 3.");
      }
      List<String> bundles = List.copyOf(names(a.getOrDefault("installp_bundle", "")));
      entry.put("installpBundles", bundles);
      String resolv = a.getOrDefault("resolv_conf", "");
      if (!resolv.isEmpty()) {
        entry.put("resolvConf", resolv);
      }
      String dump = a.getOrDefault("dump", "");
      if (!dump.isEmpty()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("resource", dump);
        String location = found.dumps().getOrDefault(dump, Map.of()).getOrDefault("location", "");
        if (location.endsWith("/" + dump) && location.length() > dump.length() + 1) {
          d.put("location", location.substring(0, location.length() - dump.length() - 1));
        } else {
          comment(
              "/images/" + i + "/dump",
              "NIM shows no location for " + dump + ": the default directory applies.");
        }
        entry.put("dump", d);
        String configdump = a.getOrDefault("configdump", "");
        if (!configdump.isEmpty()) {
          entry.put("configdump", configdump);
        }
      }
      comment(
          "/images/" + i,
          "ifixes: not read from the image's lpp_source; the defaults apply (review).");
      out.add(entry);
      i++;
    }
    return out;
  }

  /**
   * The paging postscripts hasnctl wrote, by name: a postscript is one only when hasnctl would
   * write exactly its text for what it names (so a site's own script stays a plain postscript).
   */
  private Map<String, Paging> paging() {
    Map<String, Paging> out = new TreeMap<>();
    found
        .postscripts()
        .forEach(
            (name, text) -> {
              String dir = null;
              String activation = null;
              List<String> files = new ArrayList<>();
              for (String line : text.split("\n", -1)) {
                Matcher m = MKPS.matcher(line.strip());
                if (m.matches()) {
                  dir = m.group(1);
                  files.add(m.group(2));
                  activation = m.group(3);
                }
              }
              if (dir == null || !AbsolutePath.isValid(dir)) {
                return;
              }
              boolean remove = text.contains("\nrmps swapnfs0\n");
              List<Paging.PagingFile> sized = new ArrayList<>();
              for (String file : files) {
                sized.add(new Paging.PagingFile(file, "1M"));
              }
              Paging shape =
                  new Paging(sized, activation, remove, name, Optional.of(AbsolutePath.of(dir)));
              if (Postscripts.paging(AbsolutePath.of(dir), shape).equals(text)) {
                out.put(name, shape);
              }
            });
    return out;
  }

  /** A group's paging: the postscript's files with the sizes found on /install. */
  private Optional<Map<String, Object>> groupPaging(
      Paging shape, List<String> nodes, String pagingDir, String group) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> files = new ArrayList<>();
    for (Paging.PagingFile file : shape.files()) {
      Map<Long, Integer> sizes = new TreeMap<>();
      String dir = shape.dir().orElseThrow().value();
      for (String node : nodes) {
        Long size = found.pagingFiles().get(dir + "/" + node + "/" + file.name());
        if (size != null) {
          sizes.merge(size, 1, Integer::sum);
        }
      }
      Optional<Long> size = top(sizes);
      if (size.isEmpty()) {
        return Optional.empty();
      }
      if (sizes.size() > 1) {
        disagreements.add(
            group + ": paging file " + file.name() + " sizes differ between nodes " + sizes);
      }
      long mib = size.get() / (1024 * 1024);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", file.name());
      f.put("size", mib % 1024 == 0 ? mib / 1024 + "G" : mib + "M");
      files.add(f);
    }
    out.put("files", files);
    out.put("activation", shape.activation());
    out.put("removeSwapnfs0", shape.removeSwapnfs0());
    if (!shape.postscript().equals("nfsv4mkps")) {
      out.put("postscript", shape.postscript());
    }
    String dir = shape.dir().orElseThrow().value();
    if (!dir.equals(pagingDir)) {
      out.put("dir", dir);
    }
    return Optional.of(out);
  }

  /** The console redirect postscript hasnctl wrote, when one of the nodes' postscripts is it. */
  private Optional<ConsoleRedirect> consoleRedirect() {
    for (var script : found.postscripts().entrySet()) {
      for (String line : script.getValue().split("\n", -1)) {
        Matcher m = SWCONS.matcher(line.strip());
        if (m.matches() && AbsolutePath.isValid(m.group(1))) {
          ConsoleRedirect redirect =
              new ConsoleRedirect(script.getKey(), AbsolutePath.of(m.group(1)));
          if (Postscripts.consoleRedirect(redirect).equals(script.getValue())) {
            return Optional.of(redirect);
          }
        }
      }
    }
    return Optional.empty();
  }

  private List<Object> groups(
      Map<String, Paging> paging, Optional<ConsoleRedirect> redirect, List<String> sns) {
    // Nodes defined alike form a group, named by the first of their xCAT groups.
    Map<List<String>, List<String>> alike = new LinkedHashMap<>();
    for (var node : new TreeMap<>(found.nodes()).entrySet()) {
      Map<String, String> a = node.getValue();
      if (sns.contains(node.getKey()) || a.getOrDefault("servicenode", "").isEmpty()) {
        continue;
      }
      List<String> key =
          List.of(
              a.getOrDefault("groups", ""),
              a.getOrDefault("servicenode", ""),
              a.getOrDefault("xcatmaster", ""),
              a.getOrDefault("provmethod", ""),
              a.getOrDefault("postscripts", ""));
      alike.computeIfAbsent(key, k -> new ArrayList<>()).add(node.getKey());
    }
    String pagingDir =
        paging.values().stream().map(p -> p.dir().orElseThrow().value()).findFirst().orElse("");
    List<Object> out = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>();
    for (var group : alike.entrySet()) {
      List<String> key = group.getKey();
      List<String> xcatGroups = new ArrayList<>(names(key.get(0)));
      xcatGroups.remove("all");
      String name = xcatGroups.isEmpty() ? "group" + (out.size() + 1) : xcatGroups.remove(0);
      if (!named.add(name)) {
        disagreements.add(
            "nodes "
                + Noderange.compress(group.getValue())
                + " are in group "
                + name
                + " but defined unlike its other nodes: written as a group of their own");
        name = name + "-" + (out.size() + 1);
        named.add(name);
      }
      int g = out.size();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", name);
      entry.put("nodes", Noderange.compress(group.getValue()));
      List<String> servers = List.copyOf(names(key.get(1)));
      entry.put("primary", servers.get(0));
      if (servers.size() > 1) {
        entry.put("backup", servers.get(1));
      } else {
        comment(
            "/groups/" + g + "/primary",
            "servicenode names one SN only: these nodes have no backup SN yet.");
      }
      comment("/groups/" + g, primaryComment(servers, sns));
      entry.put("image", key.get(3));
      List<String> own = new ArrayList<>(names(key.get(4)));
      own.remove(Discovery.REPLICATION_POSTSCRIPT);
      redirect.ifPresent(r -> own.remove(r.postscript()));
      for (String script : List.copyOf(own)) {
        Paging shape = paging.get(script);
        if (shape != null && !entry.containsKey("paging")) {
          Optional<Map<String, Object>> p = groupPaging(shape, group.getValue(), pagingDir, name);
          if (p.isPresent()) {
            entry.put("paging", p.get());
            own.remove(script);
          } else {
            comment(
                "/groups/" + g + "/postscripts",
                script + " makes paging files that are not on /install: kept as a postscript.");
          }
        }
      }
      if (!own.isEmpty()) {
        entry.put("postscripts", own);
      }
      if (!xcatGroups.equals(List.of("compute"))) {
        entry.put("xcatGroups", xcatGroups);
      }
      out.add(entry);
    }
    return out;
  }

  /**
   * Why the group's primary is the SN its nodes use now: xCAT records only that (snmove puts the
   * new SN first in servicenode, snmove.pm; mkdsklsnode -p reads the first as the primary), not
   * which SN served them before a move. When the backup serves no node at all, a move is likely,
   * and the comment and standard error say how to write it so failback finds it.
   */
  private String primaryComment(List<String> servers, List<String> sns) {
    String usual =
        "primary: the SN these nodes use now (first in servicenode), as xCAT reads it; xCAT keeps"
            + " no record of an SN they were moved from.";
    if (servers.size() < 2 || servesNodes(servers.get(1), sns)) {
      return usual;
    }
    String from = servers.get(1);
    String to = servers.get(0);
    idle.add(from);
    return usual
        + " "
        + from
        + " serves no compute node now: if snmove moved these nodes from it, write primary: "
        + from
        + ", backup: "
        + to
        + ", active: backup (the same cluster; failback "
        + from
        + " then moves them back).";
  }

  private boolean servesNodes(String sn, List<String> sns) {
    return found.nodes().entrySet().stream()
        .filter(n -> !sns.contains(n.getKey()))
        .anyMatch(n -> first(n.getValue().getOrDefault("servicenode", "")).equals(sn));
  }

  private Optional<Map<String, Object>> nfsFailover() {
    String script = found.postscripts().get(Discovery.REPLICATION_POSTSCRIPT);
    if (script == null) {
      notes.add(
          "nfsFailover: no " + Discovery.REPLICATION_POSTSCRIPT + " postscript: defaults apply.");
      return Optional.empty();
    }
    Map<String, String> tunables = new TreeMap<>();
    for (String line : script.split("\n", -1)) {
      Matcher m = TUNABLE.matcher(line.strip());
      if (m.find()) {
        tunables.put(m.group(1), m.group(2));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Optional.ofNullable(tunables.get("NFSRETRIES"))
        .ifPresent(v -> out.put("retries", Integer.parseInt(v)));
    Optional.ofNullable(tunables.get("NFSTIMEO"))
        .ifPresent(v -> out.put("timeoutTenths", Integer.parseInt(v)));
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private List<Object> statelite() {
    List<Object> out = new ArrayList<>();
    for (Map<String, String> row : found.statelite()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("node", row.getOrDefault("node", ""));
      String image = row.getOrDefault("image", "");
      if (!image.isEmpty()) {
        entry.put("image", image);
      }
      entry.put("mount", row.getOrDefault("statemnt", ""));
      entry.put("options", row.getOrDefault("mntopts", ""));
      out.add(entry);
    }
    if (out.isEmpty()) {
      comment("/statelite", "The statelite table is empty.");
    }
    return out;
  }

  private List<Object> litefile() {
    List<Object> out = new ArrayList<>();
    for (Map<String, String> row : found.litefile()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("image", row.getOrDefault("image", ""));
      entry.put("file", row.getOrDefault("file", ""));
      entry.put("options", row.getOrDefault("options", ""));
      out.add(entry);
    }
    return out;
  }

  private Map<String, Object> software(List<String> sns) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ems", levels(found.ems(), "/software/ems"));
    Levels sn =
        new Levels(
            majority(
                "the AIX level (oslevel -s)", sns, s -> fact(s).flatMap(f -> f.levels().aix())),
            majority(
                "the xCAT level (rpm -q xCAT-server)",
                sns,
                s -> fact(s).flatMap(f -> f.levels().xcat())),
            majority(
                    "the ifixes (emgr -l)",
                    sns,
                    s -> fact(s).flatMap(f -> f.levels().ifixes()).map(l -> String.join(",", l)))
                .map(l -> l.isEmpty() ? List.of() : List.of(l.split(",", -1))));
    out.put("serviceNodes", levels(sn, "/software/serviceNodes"));
    return out;
  }

  private Map<String, Object> levels(Levels levels, String pointer) {
    Map<String, Object> out = new LinkedHashMap<>();
    levels.xcat().ifPresent(v -> out.put("xcat", v));
    levels.aix().ifPresent(v -> out.put("aix", v));
    levels.ifixes().ifPresent(v -> out.put("ifixes", v));
    if (levels.xcat().isEmpty() || levels.aix().isEmpty() || levels.ifixes().isEmpty()) {
      comment(pointer, "Levels the hosts did not show are left to the defaults.");
    }
    return out;
  }

  /** The TEAL utility node: a node whose image carries a TEAL bundle. */
  private void teal() {
    Optional<String> image =
        found.images().entrySet().stream()
            .filter(
                e ->
                    names(e.getValue().getOrDefault("installp_bundle", "")).stream()
                        .anyMatch(b -> b.toLowerCase(java.util.Locale.ROOT).startsWith("teal")))
            .map(Map.Entry::getKey)
            .findFirst();
    Optional<String> node =
        image.flatMap(
            i ->
                found.nodes().entrySet().stream()
                    .filter(n -> i.equals(n.getValue().get("provmethod")))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .findFirst());
    if (node.isEmpty()) {
      notes.add("teal: no node runs a TEAL image: no TEAL utility node is written.");
      return;
    }
    Map<String, Object> teal = new LinkedHashMap<>();
    teal.put("node", node.get());
    teal.put("image", image.get());
    String ems = found.site().getOrDefault("master", "");
    String domain = found.site().getOrDefault("domain", "");
    Map<String, Object> dsn = new LinkedHashMap<>();
    dsn.put("host", domain.isEmpty() ? ems : ems + "." + domain);
    teal.put("dsn", dsn);
    teal.put("password", "env:XCATDB_PASSWORD");
    comment(
        "/teal/dsn",
        "Not read from the utility node's ODBC configuration: the EMS, DB2's default port.");
    comment(
        "/teal/password",
        "A reference, never the password: hasnctl does not read secrets. Export XCATDB_PASSWORD"
            + " (or use file:PATH).");
    tree.put("teal", teal);
  }

  private Optional<ServiceNodeFacts> fact(String sn) {
    return Optional.ofNullable(found.serviceNodes().get(sn));
  }

  /**
   * The value most SNs show; ties go to the first SN's. Disagreements are recorded with the hosts.
   */
  private Optional<String> majority(
      String what, Collection<String> sns, Function<String, Optional<String>> value) {
    Map<String, List<String>> by = new LinkedHashMap<>();
    for (String sn : sns) {
      value.apply(sn).ifPresent(v -> by.computeIfAbsent(v, k -> new ArrayList<>()).add(sn));
    }
    if (by.isEmpty()) {
      return Optional.empty();
    }
    String best = null;
    for (var e : by.entrySet()) {
      if (best == null || e.getValue().size() > by.get(best).size()) {
        best = e.getKey();
      }
    }
    if (by.size() > 1) {
      StringBuilder said = new StringBuilder("service nodes disagree on " + what + ":");
      for (var e : by.entrySet()) {
        said.append("\n  ")
            .append(Noderange.compress(e.getValue()))
            .append(": ")
            .append(e.getKey().replace("\n", " | "));
      }
      said.append("\n  written: the majority's (")
          .append(Noderange.compress(by.get(best)))
          .append(")");
      disagreements.add(said.toString());
    }
    return Optional.of(best);
  }

  private static <T> Optional<T> top(Map<T, Integer> counts) {
    return counts.entrySet().stream()
        .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
        .map(Map.Entry::getKey);
  }

  private static String first(String list) {
    return names(list).stream().findFirst().orElse("");
  }

  private static Set<String> names(String list) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : list.split(",", -1)) {
      if (!n.isBlank()) {
        out.add(n.strip());
      }
    }
    return out;
  }
}
