package dev.hasnctl.plan;

import java.util.Set;
import java.util.TreeSet;

/**
 * A copy of a file's previous content that a step keeps before it replaces the file. The step takes
 * it only when {@code copy} does not exist yet, so a step run twice (a resumed apply) keeps the
 * content from before the first run.
 *
 * @param file the file the step replaces, e.g. {@code /etc/exports}
 * @param copy where its previous content is kept, e.g. {@code
 *     /etc/exports.hasnctl.20261125T030000Z}
 * @param nodes the compute nodes holding the file, when the step reaches them with {@code xdsh};
 *     empty when the file is on the step's own host
 */
public record Backup(String file, String copy, Set<String> nodes) {
  public Backup {
    nodes = Set.copyOf(new TreeSet<>(nodes));
  }

  /** A backup of {@code file} on the step's own host. */
  public static Backup onHost(String file, String copy) {
    return new Backup(file, copy, Set.of());
  }
}
