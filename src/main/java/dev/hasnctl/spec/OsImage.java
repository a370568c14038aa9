package dev.hasnctl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hasnctl.model.AbsolutePath;
import java.util.List;
import java.util.Optional;

/**
 * An xCAT osimage and the NIM resources behind it.
 *
 * @param nfsVers must be 4 ({@code mknimimage -u IMAGE nfs_vers=4})
 * @param installpBundles NIM installp_bundle names; the first must be {@code xCATaixCN71}
 * @param resolvConf must be absent: nodes resolve names from a full /etc/hosts
 * @param dump the dump resource, which must live on a local filesystem, never on GPFS
 * @param configdump the dump type collected from the client
 * @param ifixes emgr fixes the spot must carry
 */
public record OsImage(
    String name,
    Integer nfsVers,
    List<String> installpBundles,
    Optional<String> resolvConf,
    Optional<Dump> dump,
    ConfigDump configdump,
    List<String> postscripts,
    List<String> ifixes) {

  public OsImage {
    nfsVers = Defaults.or(nfsVers, 4);
    installpBundles = Defaults.list(installpBundles, List.of("xCATaixCN71"));
    resolvConf = Defaults.optional(resolvConf);
    dump = Defaults.optional(dump);
    configdump = Defaults.or(configdump, dump.isPresent() ? ConfigDump.SELECTIVE : ConfigDump.NONE);
    postscripts = Defaults.list(postscripts);
    ifixes = Defaults.list(ifixes, List.of("IV22221m03", "IV27038"));
  }

  /** A NIM dump resource and the local directory that holds it on the EMS and each SN. */
  public record Dump(String resource, AbsolutePath location) {
    public Dump {
      location = Defaults.or(location, AbsolutePath.of("/export/nim"));
    }
  }

  /** What a client dumps: {@code mkdsklsnode ... configdump=}. */
  public enum ConfigDump {
    @JsonProperty("selective")
    SELECTIVE,
    @JsonProperty("full")
    FULL,
    @JsonProperty("none")
    NONE
  }
}
