package dev.hasnctl.spec;

/**
 * Tunables of xCAT's setupnfsv4replication postscript.
 *
 * @param retries {@code $::NFSRETRIES}: tries before failing over to the replica
 * @param timeoutTenths {@code $::NFSTIMEO}, in tenths of a second
 */
public record NfsFailover(Integer retries, Integer timeoutTenths) {
  /** The seed's values: 3 retries, 0.1 s. */
  public static final NfsFailover DEFAULT = new NfsFailover(null, null);

  public NfsFailover {
    retries = Defaults.or(retries, 3);
    timeoutTenths = Defaults.or(timeoutTenths, 1);
  }
}
