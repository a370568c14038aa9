package dev.hasnctl.plan;

import dev.hasnctl.model.HostName;

/**
 * What a step interrupts, and where: the running compute nodes that use that service on that SN
 * lose it while the step runs, and keep running only through a working replica.
 *
 * @param onlyWithoutReplicas the step interrupts the service only when the SN does not yet export
 *     /install with {@code replicas=} at that point of the plan ({@code mkdsklsnode -S}'s first
 *     replication setup restarts NFS, aixinstall.pm)
 */
public record Disruption(Service service, HostName serviceNode, boolean onlyWithoutReplicas) {
  /** The services a step can take away from running nodes. */
  public enum Service {
    /** The SN's NFS server: {@code exportfs -ua}, {@code stopsrc -g nfs}, an export rewritten. */
    NFS,
    /** The SN's GPFS /install under its NFS server: {@code mmshutdown}, {@code mmumount}. */
    GPFS
  }

  /** NFS on {@code sn}, always. */
  public static Disruption nfs(HostName sn) {
    return new Disruption(Service.NFS, sn, false);
  }

  /** How a plan says it, e.g. {@code NFS on sn01}. */
  public String describe() {
    return service + " on " + serviceNode;
  }
}
