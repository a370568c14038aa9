package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What a running diskless compute node has from its service nodes: the booted image, its NFSv4
 * mounts, paging, dump device, route, syslog and NTP targets.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class Compute {
  /** The osimage the node booted; empty when not booted. */
  public String image = "";

  /** NFSv4 mounts by local mount point. */
  public TreeMap<String, NfsMount> mounts = new TreeMap<>();

  /** Paging spaces in {@code lsps -a} order. */
  public List<PagingSpace> paging = new ArrayList<>();

  /** The primary dump device ({@code sysdumpdev -l}), e.g. {@code sn01-hfi:/export/nim/...}. */
  public String dumpDevice = "";

  /** The default gateway address; empty for no default route. */
  public String defaultGateway = "";

  /** Where syslog forwards to; empty for local only. */
  public String syslog = "";

  /** The NTP server; empty for none. */
  public String ntp = "";

  /** Whether the setupnfsv4replication postscript ran (NFSRETRIES/NFSTIMEO applied). */
  public boolean nfsReplication;

  /**
   * The file on its SN where this running node keeps writing its persistent statelite data, or
   * empty when it writes none the simulator follows (see {@link StateliteWriters}).
   */
  public String stateliteFile = "";

  /** The console log file ({@code swcons -p}); empty means AIX's {@code /var/adm/ras/conslog}. */
  public String consoleLog = "";

  /** AIX's console log file when {@code swcons} never redirected it. */
  public static final String DEFAULT_CONSOLE_LOG = "/var/adm/ras/conslog";

  /**
   * The primary dump device NIM sets on a diskless client whose image has a dump resource: the
   * node's own directory in the resource on its NIM server, {@code server:location/node}.
   */
  public static String nimDumpDevice(String server, String resourceLocation, String node) {
    return server + ":" + resourceLocation + "/" + node;
  }

  /** The console log in effect. */
  public String effectiveConsoleLog() {
    return consoleLog.isEmpty() ? DEFAULT_CONSOLE_LOG : consoleLog;
  }
}
