package dev.hasnctl.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of every command that touches a cluster: where it is and how to reach it. */
final class TargetOptions {
  @Option(
      names = "--target",
      paramLabel = "TARGET",
      description = {
        "Where the cluster is: local (this machine is the EMS), ssh://[USER@]HOST[:PORT] (the "
            + "EMS over SSH) or sim:PATH (a simulated cluster kept in PATH, made from the spec's fresh "
            + "scenario when PATH does not exist). Default: the spec's ems.connection."
      })
  String target;

  @Option(
      names = "--ssh-key",
      paramLabel = "FILE",
      description =
          "Private key for ssh:// targets (default: ~/.ssh/id_ed25519, id_ecdsa, id_rsa).")
  Path sshKey;

  @Option(
      names = "--known-hosts",
      paramLabel = "FILE",
      description = "known_hosts file host keys are checked against (default ~/.ssh/known_hosts).")
  Path knownHosts;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "1800",
      description = "Longest any one command may run (${DEFAULT-VALUE} s; mkdsklsnode is slow).")
  long timeoutSeconds;

  @Option(
      names = "--probe-timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "Longest one probe command may run (${DEFAULT-VALUE} s): a host whose probe hangs is"
              + " unknown (\"timed out after 2m\") and the rest goes on.")
  long probeTimeoutSeconds;

  Duration probeTimeout() {
    if (probeTimeoutSeconds < 1) {
      throw new CliFailure("--probe-timeout must be at least 1 second, not " + probeTimeoutSeconds);
    }
    return Duration.ofSeconds(probeTimeoutSeconds);
  }

  Duration timeout() {
    if (timeoutSeconds < 1) {
      throw new CliFailure("--timeout must be at least 1 second, not " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }
}
