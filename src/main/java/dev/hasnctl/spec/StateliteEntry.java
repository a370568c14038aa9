package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;
import java.util.Optional;

/**
 * One row of xCAT's statelite table.
 *
 * @param mount must start with {@code $noderes.xcatmaster:} so snmove keeps it right
 * @param options must include {@code vers=4}
 */
public record StateliteEntry(String node, Optional<String> image, String mount, String options) {
  public StateliteEntry {
    node = Defaults.or(node, "compute");
    image = Defaults.optional(image);
    options = Defaults.or(options, "vers=4");
  }

  /** The seed's row for a statelite directory on the shared /install. */
  static StateliteEntry forDir(AbsolutePath dir) {
    return new StateliteEntry("compute", Optional.empty(), "$noderes.xcatmaster:" + dir, "vers=4");
  }
}
