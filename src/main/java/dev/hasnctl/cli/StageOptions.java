package dev.hasnctl.cli;

import picocli.CommandLine.Option;

/** {@code --outage}, {@code --boot} and {@code --boot-batch}, shared by plan and apply. */
final class StageOptions {
  @Option(
      names = "--outage",
      description =
          "Let the migration from the SNs' local /install to the shared GPFS run its outage: it"
              + " shuts down the nodes of the migrating SNs, removes their NIM definitions and"
              + " resources, makes the final copies and switches /install. Without it, the"
              + " outage is shown held.")
  private boolean outage;

  @Option(
      names = "--boot",
      description =
          "Boot the compute nodes that are down (and those the outage shuts down) after every"
              + " other step: rbootseq hfi and rpower on, one group at a time, each batch checked"
              + " healthy before the next starts.")
  private boolean boot;

  @Option(
      names = "--boot-batch",
      paramLabel = "N",
      description = "Boot at most N nodes at a time (default: one group, i.e. one SN's nodes).")
  private int bootBatch;

  /** What the admin allows, with {@code allowDisruption}. */
  dev.hasnctl.plan.Planner.Options options(String allowDisruption) {
    if (bootBatch < 0 || (bootBatch > 0 && !boot)) {
      throw new CliFailure(
          bootBatch < 0
              ? "--boot-batch: at least 1 node, not " + bootBatch
              : "--boot-batch needs --boot");
    }
    return new dev.hasnctl.plan.Planner.Options(allowDisruption, outage, boot, bootBatch);
  }
}
