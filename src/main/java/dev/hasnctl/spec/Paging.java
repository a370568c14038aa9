package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;
import java.util.List;
import java.util.Optional;

/**
 * NFSv4-replicated paging for a group: files made with {@code dd} under the paging directory and
 * activated by a postscript with {@code mkps -t nfs ... :fur}.
 *
 * @param activation the mkps flags; {@code fur} is the one that survives failover
 * @param removeSwapnfs0 whether the postscript removes NIM's swapnfs0, which hangs on failover
 * @param dir overrides the shared install's paging directory for this group
 */
public record Paging(
    List<PagingFile> files,
    String activation,
    Boolean removeSwapnfs0,
    String postscript,
    Optional<AbsolutePath> dir) {

  public Paging {
    files = Defaults.list(files);
    activation = Defaults.or(activation, "fur");
    removeSwapnfs0 = Defaults.or(removeSwapnfs0, Boolean.TRUE);
    postscript = Defaults.or(postscript, "nfsv4mkps");
    dir = Defaults.optional(dir);
  }

  /**
   * One paging file per node.
   *
   * @param size e.g. {@code 64G} or {@code 512M}
   */
  public record PagingFile(String name, String size) {
    /** The size in MiB, as {@code dd bs=1024k count=N} takes it. */
    public long sizeMiB() {
      long amount = Long.parseLong(size.substring(0, size.length() - 1));
      char unit = size.charAt(size.length() - 1);
      return switch (unit) {
        case 'M', 'm' -> amount;
        case 'G', 'g' -> amount * 1024;
        case 'T', 't' -> amount * 1024 * 1024;
        default -> throw new IllegalStateException("size unit not M, G or T: " + size);
      };
    }
  }
}
