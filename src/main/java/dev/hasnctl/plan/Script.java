package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell script built from argv lists, each quoted by {@link Argv#toShell()}, joined so that a
 * failing command stops the rest ({@code &&}). The only place steps compose commands.
 */
final class Script {
  private final List<String> parts = new ArrayList<>();
  private final List<Backup> backups = new ArrayList<>();

  /** Runs {@code argv}. */
  Script then(Argv argv) {
    parts.add(argv.toShell());
    return this;
  }

  /** Runs {@code other}'s commands after this one's. */
  Script append(Script other) {
    parts.addAll(other.parts);
    backups.addAll(other.backups);
    return this;
  }

  /**
   * Runs {@code otherwise} unless {@code test} succeeds, as one command ({@code sh -c 'TEST ||
   * OTHERWISE'}) whose failure stops the script: a bare {@code ||} among the {@code &&}s would also
   * run {@code otherwise} after an earlier command failed.
   */
  Script thenUnless(String test, Argv otherwise) {
    parts.add(Argv.of("sh", "-c", test + " || " + otherwise.toShell()).toShell());
    return this;
  }

  /**
   * Copies {@code file} to {@code copy}, keeping mode and owner, unless {@code copy} exists: a
   * script run again (a resumed apply) keeps the content from before its first run.
   */
  Script thenBackup(String file, String copy) {
    backups.add(Backup.onHost(file, copy));
    return thenUnless(Argv.of("test", "-e", copy).toShell(), Argv.of("cp", "-p", file, copy));
  }

  /** The backups the script takes. */
  List<Backup> backups() {
    return List.copyOf(backups);
  }

  /** Runs {@code argv} with its standard output written to {@code file}, replacing it. */
  Script thenInto(Argv argv, String file) {
    parts.add(argv.toShell() + " > " + Argv.quote(file));
    return this;
  }

  /** Runs {@code argv} with its standard output appended to {@code file}. */
  Script thenAppend(Argv argv, String file) {
    parts.add(argv.toShell() + " >> " + Argv.quote(file));
    return this;
  }

  /** The script as one command: a single argv stays itself, more become {@code sh -c}. */
  Argv toArgv(Argv single) {
    return parts.size() == 1 && single != null ? single : Argv.of("sh", "-c", toString());
  }

  /** The script as {@code sh -c SCRIPT}. */
  Argv toArgv() {
    return Argv.of("sh", "-c", toString());
  }

  @Override
  public String toString() {
    return String.join(" && ", parts);
  }
}
