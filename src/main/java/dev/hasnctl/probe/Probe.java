package dev.hasnctl.probe;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.IdOrder;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.model.Secret;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.XdshError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Observes the resources a desired state names, read-only and batched: one script on the EMS, and
 * one for all the other hosts — a single {@code xdsh} on the EMS, or (direct access) one round trip
 * per host. A host that cannot be reached, or output that cannot be read, makes that host's
 * resources {@link Observed.Unknown} with the reason; the probe itself never throws.
 */
public final class Probe {
  /** How hosts other than the EMS are reached. */
  public enum Mode {
    /** With {@code xdsh} on the EMS (xCAT's hierarchy). */
    XDSH,
    /** Straight, through the transport, each host by name. */
    DIRECT
  }

  /**
   * What the probe reads on compute nodes (their running state and health) and on the TEAL utility
   * node (its database connection): nodes reached through xdsh with a timeout, and absent when they
   * do not answer.
   */
  private static final Set<ResourceKind> RUNNING =
      Set.of(ResourceKind.RUNNING_NODE, ResourceKind.NODE_HEALTH, ResourceKind.DB2_CONNECTION);

  /**
   * How long xdsh waits for output from compute nodes ({@code xdsh -t}): a node hung on a lost NFS
   * server never answers, and without a timeout xdsh "waits indefinitely" (xdsh.1.pod).
   */
  static final int NODE_TIMEOUT_SECONDS = 60;

  /**
   * nodelist.status values that say a node runs (Schema.pm: "booting->[postbooting]->booted->
   * [alive]", and "alive->unreachable" when monitoring lost it).
   */
  private static final Set<String> RUNNING_STATUS =
      Set.of("postbooting", "booted", "alive", "unreachable");

  /** Hosts probed alike are batched by the kinds they hold, in a stable order. */
  private static final Comparator<Set<ResourceKind>> BY_KINDS = Comparator.comparing(Set::toString);

  private final Transport transport;
  private final HostName ems;
  private final Mode mode;
  private final Duration timeout;
  private final TealReader teal;
  private final Map<HostName, AtomicInteger> roundTrips = new ConcurrentSkipListMap<>();

  /** Each node's nodelist.status as the last EMS probe showed it. */
  private final Map<String, String> nodeStatus = new HashMap<>();

  /** The desired state being observed: how SN names and addresses are read back. */
  private DesiredState names = new DesiredState(Map.of(), List.of());

  /**
   * @param transport reaches the EMS (and, in {@link Mode#DIRECT}, every other host)
   */
  public Probe(Transport transport, HostName ems, Mode mode, Duration timeout) {
    this(transport, ems, mode, timeout, Optional.empty());
  }

  /**
   * A probe that can tell whether the TEAL client files hold {@code secret}, comparing under a key
   * drawn for this probe alone.
   */
  public Probe(
      Transport transport, HostName ems, Mode mode, Duration timeout, Optional<Secret> secret) {
    this.transport = transport;
    this.ems = ems;
    this.mode = mode;
    this.timeout = timeout;
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    this.teal = new TealReader(secret, java.util.HexFormat.of().formatHex(key));
  }

  /** What the cluster shows for every resource of {@code desired}. */
  public ObservedState observe(DesiredState desired) {
    // Every resource, already by host and in id order: nothing to pick or sort.
    return observe(desired, new ArrayList<>(desired.resources().values()));
  }

  /** What the cluster shows for {@code ids} (all of them resources of {@code desired}). */
  public ObservedState observe(DesiredState desired, Collection<ResourceId> ids) {
    Set<ResourceId> wanted = new HashSet<>(ids);
    for (ResourceId id : ids) {
      if (desired.get(id).isEmpty()) {
        throw new IllegalArgumentException(id + " is not in the desired state");
      }
      // Whether a node that does not answer is running is xCAT's to say: read its status too.
      if (id.kind() == ResourceKind.NODE_HEALTH && !nodeStatus.containsKey(id.key())) {
        ResourceId definition = new ResourceId(ems, ResourceKind.NODE, id.key());
        if (desired.get(definition).isPresent()) {
          wanted.add(definition);
        }
      }
    }
    // By host, each host's resources in id order. The desired state lists them so: walk it when
    // most of it is wanted, sort the few otherwise (a step's verification).
    List<Resource> inOrder = new ArrayList<>(wanted.size());
    if (wanted.size() > desired.resources().size() / 8) {
      desired.resources().values().stream()
          .filter(r -> wanted.contains(r.id()))
          .forEach(inOrder::add);
    } else {
      wanted.stream().sorted().forEach(id -> inOrder.add(desired.get(id).orElseThrow()));
    }
    return observe(desired, inOrder);
  }

  /** What the cluster shows for {@code inOrder}, resources of {@code desired} in id order. */
  private ObservedState observe(DesiredState desired, List<Resource> inOrder) {
    names = desired;
    Map<HostName, List<Resource>> byHost = new LinkedHashMap<>();
    List<Resource> hostResources = null;
    HostName current = null;
    for (Resource resource : inOrder) {
      // In id order, one host's resources come together: look it up once per host.
      if (!resource.id().host().equals(current)) {
        current = resource.id().host();
        hostResources = byHost.computeIfAbsent(current, h -> new ArrayList<>());
      }
      hostResources.add(resource);
    }
    Map<ResourceId, Observed> out = new HashMap<>();
    List<Resource> emsResources = byHost.remove(ems);
    // Which spot serves each image is the osimage's (lsdef on the EMS): read it with the EMS's
    // own resources whenever an SN's NIM diskless definitions are observed.
    List<Resource> servedImages = imagesServed(desired, byHost, emsResources);
    if (!servedImages.isEmpty()) {
      emsResources = emsResources == null ? new ArrayList<>() : new ArrayList<>(emsResources);
      emsResources.addAll(servedImages);
    }
    // Paging files are listed once the SNs' GPFS mounts are seen (see SharedPaging).
    Map<HostName, List<Resource>> paging = SharedPaging.takeFrom(byHost);
    // The SNs' commands need nothing of the EMS's answer to run, only to be read (which spot
    // serves an image): they run meanwhile, and each SN is read once the EMS's answer is in.
    Map<HostName, List<Resource>> serviceNodes = new LinkedHashMap<>();
    for (var it = byHost.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<HostName, List<Resource>> host = it.next();
      if (!onNodes(kinds(host.getValue()))) {
        serviceNodes.put(host.getKey(), host.getValue());
        it.remove();
      }
    }
    CompletableFuture<HostReader.Context> context = new CompletableFuture<>();
    CompletableFuture<Map<ResourceId, Observed>> seenOnServiceNodes =
        meanwhile(serviceNodes, () -> observeHosts(serviceNodes, context::join));
    Map<String, String> spots = new HashMap<>();
    Map<String, List<String>> imageResources = new HashMap<>();
    Optional<String> emsDown = Optional.empty();
    // The nodes whose definitions the EMS showed absent, and what it showed of its own resources.
    Set<String> undefined = new HashSet<>();
    CompletableFuture<Map<ResourceId, Observed>> seenOnEms =
        CompletableFuture.completedFuture(Map.of());
    try {
      if (emsResources != null) {
        try {
          Sections sections = observeEms(emsResources);
          emsDown = notAnEms(sections);
          if (emsDown.isEmpty()) {
            spots.putAll(HostReader.spots(sections));
            imageResources.putAll(HostReader.imageResources(sections));
            Map<String, Object> parsed = new HashMap<>();
            Optional<Set<String>> defined = recordNodeStatus(sections, parsed);
            for (Resource r : emsResources) {
              if (r.id().kind() == ResourceKind.NODE
                  && defined.filter(names -> !names.contains(r.id().key())).isPresent()) {
                undefined.add(r.id().key());
              }
            }
            // Read on a thread of their own while the nodes' xdsh runs, which needs only to know
            // which nodes are defined.
            List<Resource> onEms = emsResources;
            seenOnEms =
                CompletableFuture.supplyAsync(() -> readEms(onEms, sections, parsed), Probe::aside);
          }
        } catch (TransportException e) {
          boolean refused =
              e.layer() == TransportException.Layer.CONNECT
                  || e.layer() == TransportException.Layer.AUTH;
          emsDown = Optional.of(ems + " " + failure(e));
          if (!refused) {
            out.putAll(unknown(emsResources, emsDown.get()));
            emsDown = Optional.empty();
          }
        }
      }
    } finally {
      context.complete(
          new HostReader.Context(
              serverNames(desired),
              spots,
              server -> names.serviceNode(server).map(HostName::value),
              imageResources));
    }
    if (emsDown.isPresent()) {
      // Hosts reached through the EMS (compute nodes always, SNs unless direct) get the same
      // reason, not what a connection attempt that could only fail the same way said.
      String why = emsDown.get();
      out.putAll(unknown(emsResources, why));
      for (var it = byHost.values().iterator(); it.hasNext(); ) {
        out.putAll(unknown(it.next(), why));
        it.remove();
      }
      if (mode == Mode.XDSH) {
        serviceNodes.values().forEach(resources -> out.putAll(unknown(resources, why)));
        paging.values().forEach(resources -> out.putAll(unknown(resources, why)));
        paging.clear();
      }
    }
    boolean snsUnreached = emsDown.isPresent() && mode == Mode.XDSH;
    // The paging files are listed once the SNs' GPFS mounts are seen, on the SNs' side; the
    // compute nodes' xdsh needs neither, and runs meanwhile.
    CompletableFuture<Map<ResourceId, Observed>> seenOnSns =
        seenOnServiceNodes.thenApplyAsync(
            sns -> {
              if (snsUnreached) {
                return Map.of();
              }
              Map<ResourceId, Observed> seen = new HashMap<>(sns);
              Map<HostName, List<Resource>> listers = SharedPaging.listers(paging, sns);
              if (!listers.isEmpty()) {
                seen.putAll(observeHosts(listers, context::join));
              }
              return seen;
            },
            Probe::aside);
    // A node xCAT does not define has not booted from it: there is nothing running to observe.
    for (var it = byHost.values().iterator(); it.hasNext(); ) {
      List<Resource> resources = it.next();
      if (resources.stream().allMatch(r -> undefinedNode(r.id(), undefined))) {
        resources.forEach(r -> out.put(r.id(), new Observed.Absent(r.id())));
        it.remove();
      }
    }
    if (!byHost.isEmpty()) {
      out.putAll(observeHosts(byHost, context::join));
    }
    out.putAll(joined(seenOnEms));
    out.putAll(joined(seenOnSns));
    Map<HostName, Integer> trips = new TreeMap<>();
    roundTrips.forEach((host, count) -> trips.put(host, count.get()));
    // Handed over in id order, as inOrder has them, then the few read besides (the images the SNs
    // serve, when only some resources were asked for): ObservedState then keeps the map as it is,
    // or sorts it when those few are out of order.
    LinkedHashMap<ResourceId, Observed> ordered = new LinkedHashMap<>(out.size() * 4 / 3 + 1);
    for (Resource r : inOrder) {
      Observed seen = out.get(r.id());
      if (seen != null) {
        ordered.put(r.id(), seen);
      }
    }
    if (ordered.size() < out.size()) {
      out.forEach(ordered::putIfAbsent);
    }
    return new ObservedState(IdOrder.own(ordered), trips);
  }

  /**
   * Each compute node's active SN's host name on the node's network: the xcatmaster the desired
   * state gives the node's definition.
   */
  private Map<String, String> serverNames(DesiredState desired) {
    Map<String, String> out = new HashMap<>();
    for (Resource r : desired.resources().values()) {
      if (r.id().kind() == ResourceKind.NODE && r.id().host().equals(ems)) {
        String xcatmaster = r.properties().get("xcatmaster");
        if (xcatmaster != null) {
          out.put(r.id().key(), xcatmaster);
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code id} is a running node whose xCAT definition the EMS showed absent, {@code
   * undefined} naming those.
   */
  private static boolean undefinedNode(ResourceId id, Set<String> undefined) {
    return RUNNING.contains(id.kind()) && undefined.contains(id.key());
  }

  /**
   * Each node's nodelist.status as the EMS's {@code lsdef} showed it: booted or not. What is parsed
   * goes to {@code parsed}, for reading the node definitions.
   *
   * @return the nodes xCAT defines; empty when its definitions could not be read, as {@link
   *     HostReader} then reports every node definition unknown
   */
  private Optional<Set<String>> recordNodeStatus(Sections sections, Map<String, Object> parsed) {
    if (sections.ok("nodes")) {
      try {
        Map<String, String> status = HostReader.nodeStatus(sections, parsed);
        nodeStatus.putAll(status);
        return Optional.of(status.keySet());
      } catch (Parsers.Unparseable e) {
        // HostReader reports the same output as unparseable for every node definition.
      }
    }
    return Optional.empty();
  }

  /** What the EMS's script showed of {@code resources}, the EMS's own. */
  private Map<ResourceId, Observed> readEms(
      List<Resource> resources, Sections sections, Map<String, Object> parsed) {
    List<Resource> tealFiles = TealReader.mine(resources);
    List<Resource> others = new ArrayList<>(resources);
    others.removeAll(tealFiles);
    Map<ResourceId, Observed> out =
        new HashMap<>(HostReader.read(ems, others, sections, HostReader.Context.NONE, parsed));
    out.putAll(teal.read(tealFiles, sections));
    return out;
  }

  /**
   * The output of the EMS's probe script, read as it arrives: the node definitions, 400,000 lines
   * at 65,536 nodes, are parsed line by line and never held whole.
   */
  private Sections observeEms(List<Resource> resources) throws TransportException {
    Script script = HostReader.script(resources, true);
    teal.script(script, TealReader.mine(resources));
    Sections.Reader sections = new Sections.Reader(Map.of("nodes", new CompressedLsdef()));
    stream(ems, Argv.of("sh", "-c", script.toString()), sections);
    return sections.sections();
  }

  /**
   * Why the EMS's answers cannot be read at all: the machine has no xCAT (its shell did not find
   * {@code tabdump}, as on a workstation where {@code --target} was forgotten).
   */
  private Optional<String> notAnEms(Sections sections) {
    return sections
        .failure("site")
        .filter(said -> said.contains("not found"))
        .map(said -> ems + " is not an xCAT EMS (" + said + ")");
  }

  /** The desired osimages that the NIM diskless definitions among {@code byHost} name. */
  private List<Resource> imagesServed(
      DesiredState desired, Map<HostName, List<Resource>> byHost, List<Resource> onEms) {
    Set<ResourceId> have = new HashSet<>();
    if (onEms != null) {
      onEms.forEach(r -> have.add(r.id()));
    }
    List<Resource> out = new ArrayList<>();
    // Thousands of definitions name a few images: each image once.
    Set<String> images = new HashSet<>();
    for (List<Resource> resources : byHost.values()) {
      for (Resource r : resources) {
        String served =
            switch (r.id().kind()) {
              case DISKLESS_NODE -> r.properties().getOrDefault("image", "");
              case NIM_RESOURCES -> r.id().key();
              default -> "";
            };
        if (!served.isEmpty() && images.add(served)) {
          ResourceId image = new ResourceId(ems, ResourceKind.OSIMAGE, served);
          if (have.add(image)) {
            desired.get(image).ifPresent(out::add);
          }
        }
      }
    }
    return out;
  }

  /**
   * Hosts that need the same commands share one script: the SNs one, the compute nodes another.
   * Compute nodes are always reached with {@code xdsh} on the EMS; SNs too unless access is direct.
   */
  private Map<ResourceId, Observed> observeHosts(
      Map<HostName, List<Resource>> byHost, Supplier<HostReader.Context> context) {
    Map<Set<ResourceKind>, Map<HostName, List<Resource>>> byKinds = new TreeMap<>(BY_KINDS);
    byHost.forEach(
        (host, resources) ->
            byKinds
                .computeIfAbsent(kinds(resources), k -> new LinkedHashMap<>())
                .put(host, resources));
    Map<ResourceId, Observed> out = new HashMap<>();
    byKinds.forEach(
        (kinds, hosts) -> {
          if (mode == Mode.DIRECT && !onNodes(kinds)) {
            out.putAll(direct(hosts, context));
          } else {
            out.putAll(throughXdsh(hosts, context));
          }
        });
    return out;
  }

  private Map<ResourceId, Observed> direct(
      Map<HostName, List<Resource>> byHost, Supplier<HostReader.Context> context) {
    Map<ResourceId, Observed> out = new HashMap<>();
    byHost.forEach(
        (host, resources) -> {
          Script script = HostReader.script(resources, false);
          try {
            ExecResult r = run(host, Argv.of("sh", "-c", script.toString()));
            out.putAll(
                HostReader.read(host, resources, Sections.parse(lines(r.stdout())), context.get()));
          } catch (TransportException e) {
            out.putAll(unknown(resources, host + " " + failure(e)));
          }
        });
    return out;
  }

  /**
   * One {@code xdsh} for all of {@code byHost}, each host's output read as soon as it is complete
   * (see {@link XdshOutput}), so the whole answer is never held.
   */
  private Map<ResourceId, Observed> throughXdsh(
      Map<HostName, List<Resource>> byHost, Supplier<HostReader.Context> context) {
    List<Resource> all = new ArrayList<>();
    byHost.values().forEach(all::addAll);
    Script script = HostReader.script(all, false).ended();
    boolean computeNodes = onNodes(kinds(all));
    Map<ResourceId, Observed> out = new HashMap<>();
    Map<String, HostName> hosts = new HashMap<>();
    byHost.keySet().forEach(host -> hosts.put(host.value(), host));
    String noderange = Noderange.compress(byHost.keySet().stream().map(HostName::value).toList());
    // What each host that answered shows, read as soon as its answer is complete.
    XdshOutput perHost;
    ExecResult r;
    try (AnswerReader answers =
        new AnswerReader(
            (name, lines) -> {
              HostName host = hosts.get(name);
              return host == null
                  ? Map.of()
                  : answer(host, byHost.get(host), lines, context.get(), computeNodes);
            })) {
      perHost = new XdshOutput(answers::accept);
      r =
          stream(
              ems,
              computeNodes
                  ? Argv.of(
                      "xdsh",
                      noderange,
                      "-t",
                      Integer.toString(NODE_TIMEOUT_SECONDS),
                      script.toString())
                  : Argv.of("xdsh", noderange, script.toString()),
              perHost);
      perHost.end();
      out.putAll(answers.read());
    } catch (TransportException e) {
      byHost.values().forEach(rs -> out.putAll(unknown(rs, "xdsh on " + ems + " " + failure(e))));
      return out;
    }
    Map<String, String> unreachable = new HashMap<>();
    for (String line : lines(r.stderr())) {
      XdshError.parse(line)
          .filter(e -> !e.reached())
          .ifPresent(e -> unreachable.put(e.node(), line.strip()));
    }
    Set<String> timedOut = XdshTimeout.nodes(r.stderr(), perHost.timeoutLines());
    String said = r.stderr().strip();
    byHost.forEach(
        (host, resources) -> {
          String name = host.value();
          if (timedOut.contains(name) || unreachable.containsKey(name) || !perHost.printed(name)) {
            // What a node xdsh gave up on printed is not its whole answer: as if it printed none.
            String why =
                unreachable.getOrDefault(name, "no output from " + name + " through xdsh: " + said);
            if (computeNodes) {
              // A compute node that is down or hung runs nothing to correct; it boots from its
              // definitions, which the EMS and SNs hold. If xCAT says it runs, it is not
              // responding: a finding of its health, never a silent skip.
              boolean running = RUNNING_STATUS.contains(nodeStatus.getOrDefault(name, ""));
              for (Resource res : resources) {
                out.put(
                    res.id(),
                    res.id().kind() == ResourceKind.NODE_HEALTH && running
                        ? NodeHealthReader.notResponding(res.id())
                        : new Observed.Absent(res.id()));
              }
            } else {
              out.putAll(unknown(resources, name + " unreachable: " + why));
            }
          }
        });
    return out;
  }

  /** What {@code lines}, one host's whole answer to the xdsh probe script, say. */
  private Map<ResourceId, Observed> answer(
      HostName host,
      List<Resource> resources,
      List<String> lines,
      HostReader.Context context,
      boolean computeNode) {
    Map<ResourceId, Observed> read =
        HostReader.read(host, resources, Sections.parse(lines), context);
    if (computeNode && !RUNNING_STATUS.contains(nodeStatus.getOrDefault(host.value(), ""))) {
      // Answering, but not booted from xCAT (installing, defined): no health to check.
      read.replaceAll(
          (id, seen) -> id.kind() == ResourceKind.NODE_HEALTH ? new Observed.Absent(id) : seen);
    }
    return teal.redact(read);
  }

  /**
   * Runs {@code work}, the probe of {@code hosts}, on a thread of its own while the caller goes on;
   * nothing to run when there are no hosts.
   */
  private static CompletableFuture<Map<ResourceId, Observed>> meanwhile(
      Map<HostName, List<Resource>> hosts, Supplier<Map<ResourceId, Observed>> work) {
    if (hosts.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    return CompletableFuture.supplyAsync(work, Probe::aside);
  }

  /** Runs {@code work} on a thread of its own. */
  private static void aside(Runnable work) {
    Thread thread = new Thread(work, "hasnctl-probe");
    thread.setDaemon(true);
    thread.start();
  }

  /** What {@code future} gave, what it threw thrown as it was. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Why a probe command failed: a hang is its own cause, said with the probe's timeout. */
  private String failure(TransportException e) {
    return e.layer() == TransportException.Layer.TIMEOUT
        ? "timed out after " + human(timeout) + " (" + e.getMessage() + ")"
        : "unreachable: " + e.getMessage();
  }

  /** {@code 2m}, {@code 90s}, {@code 1h30m}. */
  static String human(Duration duration) {
    long seconds = duration.toSeconds();
    StringBuilder out = new StringBuilder();
    if (seconds >= 3600) {
      out.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      out.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 != 0 || out.length() == 0) {
      out.append(seconds % 60).append('s');
    }
    return out.toString();
  }

  private ExecResult run(HostName host, Argv command) throws TransportException {
    roundTrips.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
    return transport.exec(host, command, timeout);
  }

  /** Runs {@code command}, handing its standard output to {@code stdout} line by line. */
  private ExecResult stream(HostName host, Argv command, Consumer<String> stdout)
      throws TransportException {
    roundTrips.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
    return transport.stream(host, command, timeout, stdout);
  }

  static Map<ResourceId, Observed> unknown(List<Resource> resources, String reason) {
    Map<ResourceId, Observed> out = new LinkedHashMap<>();
    resources.forEach(r -> out.put(r.id(), new Observed.Unknown(r.id(), reason)));
    return out;
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(text.split("\n", -1));
  }

  /**
   * Whether hosts holding {@code kinds} are nodes, reached through xdsh with a timeout and absent
   * when they do not answer: compute nodes, and the TEAL utility node (its connection check and its
   * software levels).
   */
  private static boolean onNodes(Set<ResourceKind> kinds) {
    return RUNNING.containsAll(kinds) || kinds.contains(ResourceKind.DB2_CONNECTION);
  }

  /** The kinds of {@code resources}: hosts holding the same kinds are probed with one script. */
  static Set<ResourceKind> kinds(List<Resource> resources) {
    Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
    resources.forEach(r -> kinds.add(r.id().kind()));
    return kinds;
  }
}
