package dev.hasnctl.spec;

/**
 * One row of xCAT's litefile table.
 *
 * @param image an osimage name or {@code ALL}
 * @param options {@code persistent}, {@code tmpfs}, {@code rw}, ...
 */
public record LiteFileEntry(String image, String file, String options) {
  public LiteFileEntry {
    image = Defaults.or(image, "ALL");
    options = Defaults.or(options, "tmpfs");
  }

  /** Whether this entry keeps {@code file} on the persistent statelite server. */
  public boolean persistent() {
    return options.contains("persistent");
  }
}
