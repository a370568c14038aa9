package dev.hasnctl.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version stamped into the jar's manifest by the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = HasnctlCommand.class.getPackage().getImplementationVersion();
    return new String[] {"hasnctl " + (version == null ? "(development build)" : version)};
  }
}
