package dev.hasnctl.sim;

/** What a simulated host is in the cluster. */
public enum Role {
  /** The xCAT management node, also a NIM master. */
  EMS,
  /** A service node: NIM master for its compute nodes, GPFS /install, NFSv4 server. */
  SERVICE_NODE,
  /** An AIX diskless compute node. */
  COMPUTE,
  /** A utility node, such as the TEAL collector. */
  UTILITY
}
