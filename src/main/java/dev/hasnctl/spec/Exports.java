package dev.hasnctl.spec;

import java.util.List;

/**
 * How each SN exports the shared /install over NFSv4. The {@code replicas=} option is derived from
 * the pairs (this SN first, then its partner), as {@code mkdsklsnode -S} writes it.
 *
 * @param options the remaining export options, in order
 */
public record Exports(List<String> options) {
  /** The seed's options: {@code vers=4,rw,noauto,root=*}. */
  public static final Exports DEFAULT = new Exports(null);

  public Exports {
    options = Defaults.list(options, List.of("vers=4", "rw", "noauto", "root=*"));
  }
}
