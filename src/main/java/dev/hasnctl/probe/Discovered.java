package dev.hasnctl.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Discovery} read from a cluster without a spec, parsed by the probe's own parsers but
 * not yet interpreted as a spec. Values are as the cluster shows them; anything the cluster did not
 * show is absent (an empty map, list or {@link Optional}), never a default.
 *
 * @param site the xCAT site table, attribute to value
 * @param networks the networks table's rows, column to value
 * @param images osimage name to its {@code lsdef -t osimage -l} attributes, plus {@code nfs_vers}
 *     as {@code lsnim -a nfs_vers} shows its NIM resources
 * @param dumps NIM dump resource name to its {@code lsnim -l} attributes (its {@code location})
 * @param nodes node name to its servicenode, xcatmaster, groups, provmethod and own postscripts
 *     (lsdef's, with the xcatdefaults row taken off)
 * @param statelite the statelite table's rows
 * @param litefile the litefile table's rows
 * @param emsExports the EMS's {@code /etc/exports} lines
 * @param postscripts postscript name to its content, for the postscripts the nodes name that exist
 *     in the postscripts directory (xCAT's setupnfsv4replication among them)
 * @param ems the EMS's software levels
 * @param serviceNodes what each SN (a node of xCAT's {@code service} group) showed, by name
 * @param gpfs the shared filesystem, as the first SN that mounts it shows it
 * @param pagingFiles paging file path to its size in bytes, listed on the SNs
 * @param nfsDomains host (the EMS and each SN) to its NFSv4 domain ({@code /etc/nfs/local_domain}),
 *     for hosts that have one
 * @param problems what could not be read, each naming the host and the command
 */
public record Discovered(
    Map<String, String> site,
    List<Map<String, String>> networks,
    Map<String, Map<String, String>> images,
    Map<String, Map<String, String>> dumps,
    Map<String, Map<String, String>> nodes,
    List<Map<String, String>> statelite,
    List<Map<String, String>> litefile,
    List<String> emsExports,
    Map<String, String> postscripts,
    Levels ems,
    Map<String, ServiceNodeFacts> serviceNodes,
    Optional<SharedFilesystem> gpfs,
    Map<String, Long> pagingFiles,
    Map<String, String> nfsDomains,
    List<String> problems) {

  public Discovered {
    site = Map.copyOf(site);
    networks = List.copyOf(networks);
    images = Map.copyOf(images);
    dumps = Map.copyOf(dumps);
    nodes = Map.copyOf(nodes);
    statelite = List.copyOf(statelite);
    litefile = List.copyOf(litefile);
    emsExports = List.copyOf(emsExports);
    postscripts = Map.copyOf(postscripts);
    serviceNodes = Map.copyOf(serviceNodes);
    pagingFiles = Map.copyOf(pagingFiles);
    nfsDomains = Map.copyOf(nfsDomains);
    problems = List.copyOf(problems);
  }

  /**
   * A host's software levels; each empty when it could not be read.
   *
   * @param aix {@code oslevel -s}
   * @param xcat the version of the xCAT-server RPM
   * @param ifixes the labels {@code emgr -l} lists
   */
  public record Levels(Optional<String> aix, Optional<String> xcat, Optional<List<String>> ifixes) {
    public static final Levels NONE =
        new Levels(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * What one SN showed; each part empty when it could not be read or the file does not exist.
   *
   * @param exports its {@code /etc/exports} lines
   * @param inittab its {@code lsitab -a} lines (id:runlevels:action:command), in file order
   * @param shutdown its {@code /etc/rc.shutdown} lines
   * @param gpfsCluster the GPFS cluster it belongs to
   * @param gpfsDevices the GPFS filesystems {@code mmlsmount all -L} names
   * @param gpfsAddresses the GPFS cluster's members, each by the first label of its admin node
   *     name, to the IP address {@code mmlscluster} lists for it
   * @param levels its software levels
   */
  public record ServiceNodeFacts(
      Optional<List<String>> exports,
      Optional<List<String>> inittab,
      Optional<List<String>> shutdown,
      Optional<String> gpfsCluster,
      List<String> gpfsDevices,
      Map<String, String> gpfsAddresses,
      Levels levels) {
    public ServiceNodeFacts {
      gpfsDevices = List.copyOf(gpfsDevices);
      gpfsAddresses = Map.copyOf(gpfsAddresses);
    }
  }

  /**
   * A GPFS filesystem.
   *
   * @param device as GPFS names it, without {@code /dev/}
   * @param mountPoint its default mount point ({@code mmlsfs -T})
   * @param blockSize as the spec writes it ({@code 1M})
   */
  public record SharedFilesystem(String device, String mountPoint, String blockSize) {}
}
