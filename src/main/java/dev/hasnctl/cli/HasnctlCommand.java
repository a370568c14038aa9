package dev.hasnctl.cli;

import picocli.CommandLine.Command;

/** The top command; every action is a subcommand. */
@Command(
    name = "hasnctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Declarative setup, drift detection and failover for xCAT clusters whose AIX diskless "
          + "nodes are served by highly available service-node pairs (GPFS /install, NFSv4 replicas)."
    },
    subcommands = {
      ValidateCommand.class,
      ImportCommand.class,
      PlanCommand.class,
      DriftCommand.class,
      ApplyCommand.class,
      JournalCommand.class,
      UnlockCommand.class,
      FailoverCommand.Over.class,
      FailoverCommand.Back.class,
      WhatIfCommand.class,
      DrillCommand.class,
      SimCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success or no changes, 1 error, 2 changes or drift present",
      "(--detailed-exitcode), 3 cluster only partly reachable."
    })
public final class HasnctlCommand {}
