package dev.hasnctl.cli;

import picocli.CommandLine.Option;

/** {@code --outage}, shared by plan and apply: the migration's outage may run. */
final class OutageOption {
  @Option(
      names = "--outage",
      description =
          "Let the migration from the SNs' local /install to the shared GPFS run its outage: it"
              + " shuts down the nodes of the migrating SNs, removes their NIM definitions and"
              + " resources, makes the final copies and switches /install. Without it, the"
              + " outage is shown held.")
  private boolean outage;

  boolean allowed() {
    return outage;
  }
}
