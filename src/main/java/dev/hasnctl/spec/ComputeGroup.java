package dev.hasnctl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hasnctl.model.HostName;
import java.util.List;
import java.util.Optional;

/**
 * Compute nodes served by one SN pair, as one xCAT node group.
 *
 * @param nodes an xCAT noderange, e.g. {@code cn[0001-0128]} or {@code cn001-cn064,cn100}
 * @param primary the SN whose NIM master the nodes boot from
 * @param backup the primary's partner, the NFSv4 replica; absent only in a spec that validation
 *     refuses ({@code group-pair}), such as one imported from a cluster without HA
 * @param active which of the two currently serves the nodes; {@code failover} flips it
 * @param xcatGroups further xCAT groups the nodes belong to (the statelite table names {@code
 *     compute})
 */
public record ComputeGroup(
    String name,
    String nodes,
    HostName primary,
    Optional<HostName> backup,
    Active active,
    String image,
    Optional<Paging> paging,
    List<String> postscripts,
    List<String> xcatGroups) {

  public ComputeGroup {
    active = Defaults.or(active, Active.PRIMARY);
    backup = Defaults.optional(backup);
    paging = Defaults.optional(paging);
    postscripts = Defaults.list(postscripts);
    xcatGroups = Defaults.list(xcatGroups, List.of("compute"));
  }

  /** The SN that serves the nodes now. */
  public HostName activeServiceNode() {
    return active == Active.PRIMARY ? primary : backupServiceNode();
  }

  /** The SN that takes over if the active one fails. */
  public HostName standbyServiceNode() {
    return active == Active.PRIMARY ? backupServiceNode() : primary;
  }

  /**
   * The backup SN of a validated spec.
   *
   * @throws IllegalStateException when the spec has none, which validation refuses
   */
  public HostName backupServiceNode() {
    return backup.orElseThrow(
        () ->
            new IllegalStateException(
                "group " + name + " has no backup: validation (group-pair) refuses this spec"));
  }

  /** Which SN of the pair is active. */
  public enum Active {
    @JsonProperty("primary")
    PRIMARY,
    @JsonProperty("backup")
    BACKUP
  }
}
