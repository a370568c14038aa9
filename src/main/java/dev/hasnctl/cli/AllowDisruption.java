package dev.hasnctl.cli;

import dev.hasnctl.model.Noderange;
import picocli.CommandLine.Option;

/** {@code --allow-disruption NODERANGE}, shared by plan and apply. */
final class AllowDisruption {
  @Option(
      names = "--allow-disruption",
      paramLabel = "NODERANGE",
      description =
          "Let these running nodes lose NFS: steps that would strand only them are not held "
              + "(recorded in the journal). For when failing them over or shutting them down "
              + "first is not possible.")
  private String noderange = "";

  /** The noderange, checked: a bad one is an error before anything is probed; empty if none. */
  String checked() {
    if (noderange.isEmpty()) {
      return "";
    }
    try {
      Noderange.expand(noderange);
    } catch (IllegalArgumentException e) {
      throw new CliFailure("--allow-disruption: " + e.getMessage());
    }
    return noderange;
  }
}
