package dev.hasnctl.transport.ssh;

/**
 * How a command that outlives its timeout is ended on the remote host.
 *
 * <p>Closing an SSH channel does not end the remote command (OpenSSH keeps the channel until the
 * child exits), so the transport must make the remote side end it.
 */
public enum RemoteTimeout {
  /**
   * The command runs under {@code timeout -k 5 N} (GNU coreutils; on AIX from the AIX Toolbox),
   * which ends it on the remote host itself. Works for every user, root included.
   */
  WRAP,
  /**
   * The command runs as it is and gets an SSH {@code signal} request (KILL) at its timeout. OpenSSH
   * honours it only for non-root logins (root skips privilege separation, and with it signals).
   */
  SIGNAL
}
