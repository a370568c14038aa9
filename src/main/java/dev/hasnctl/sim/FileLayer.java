package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of one directory tree that are not visible now, with paths relative to its top (a path
 * {@code /postscripts/conslog} of a layer cut at {@code /install} was {@code
 * /install/postscripts/conslog}): a local filesystem hidden under a mount, or a GPFS filesystem's
 * content while it is not mounted on this host.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class FileLayer {
  /** Regular files with kept content. */
  public TreeMap<String, String> files = new TreeMap<>();

  /** Files whose content is not kept, to their size in bytes. */
  public TreeMap<String, Long> sizedFiles = new TreeMap<>();

  /** Directories made explicitly. */
  public TreeSet<String> dirs = new TreeSet<>();

  /** Modification times (the state's logical clock) of the files that have one. */
  public TreeMap<String, Long> mtimes = new TreeMap<>();

  public FileLayer() {}

  /** Whether nothing is in it. */
  public boolean empty() {
    return files.isEmpty() && sizedFiles.isEmpty() && dirs.isEmpty();
  }

  /** A copy of everything below {@code top} on {@code host} (not {@code top} itself). */
  public static FileLayer copyBelow(SimHost host, String top) {
    String prefix = HostFiles.normalise(top) + "/";
    FileLayer layer = new FileLayer();
    rebase(host.files, layer.files, prefix);
    rebase(host.sizedFiles, layer.sizedFiles, prefix);
    rebase(host.mtimes, layer.mtimes, prefix);
    for (String dir : host.dirs.subSet(prefix, prefix + Character.MAX_VALUE)) {
      layer.dirs.add("/" + dir.substring(prefix.length()));
    }
    return layer;
  }

  /**
   * Takes everything below {@code top} on {@code host} (not {@code top} itself, the mount point)
   * out of the host's visible files, into a new layer.
   */
  public static FileLayer cut(SimHost host, String top) {
    FileLayer layer = copyBelow(host, top);
    String prefix = HostFiles.normalise(top) + "/";
    String end = prefix + Character.MAX_VALUE;
    host.files.subMap(prefix, end).clear();
    host.sizedFiles.subMap(prefix, end).clear();
    host.mtimes.subMap(prefix, end).clear();
    host.dirs.subSet(prefix, end).clear();
    return layer;
  }

  /** Adds this layer's files to {@code other}, replacing those at the same paths. */
  public void addTo(FileLayer other) {
    other.files.putAll(files);
    other.sizedFiles.putAll(sizedFiles);
    other.dirs.addAll(dirs);
    other.mtimes.putAll(mtimes);
  }

  /** A copy of this layer. */
  public FileLayer copy() {
    FileLayer layer = new FileLayer();
    layer.files.putAll(files);
    layer.sizedFiles.putAll(sizedFiles);
    layer.dirs.addAll(dirs);
    layer.mtimes.putAll(mtimes);
    return layer;
  }

  /** Puts this layer's files back below {@code top} on {@code host}. */
  public void paste(SimHost host, String top) {
    String base = HostFiles.normalise(top);
    files.forEach((p, c) -> host.files.put(base + p, c));
    sizedFiles.forEach((p, s) -> host.sizedFiles.put(base + p, s));
    mtimes.forEach((p, t) -> host.mtimes.put(base + p, t));
    dirs.forEach(d -> host.dirs.add(base + d));
  }

  /**
   * Whether {@code host} shows exactly this layer below {@code top}: what {@code copyBelow(host,
   * top).equals(this)} says, without copying (the shared /install of a large cluster holds every
   * node's files, and this is asked after every command that may write).
   */
  public boolean isBelow(SimHost host, String top) {
    String prefix = HostFiles.normalise(top) + "/";
    return same(host.files, files, prefix)
        && same(host.sizedFiles, sizedFiles, prefix)
        && same(host.mtimes, mtimes, prefix)
        && sameDirs(host.dirs, dirs, prefix);
  }

  private static <V> boolean same(
      NavigableMap<String, V> seen, NavigableMap<String, V> layer, String prefix) {
    var theirs = seen.subMap(prefix, prefix + Character.MAX_VALUE).entrySet().iterator();
    var ours = layer.entrySet().iterator();
    while (theirs.hasNext() && ours.hasNext()) {
      Map.Entry<String, V> a = theirs.next();
      Map.Entry<String, V> b = ours.next();
      if (!sameBelow(a.getKey(), b.getKey(), prefix) || !a.getValue().equals(b.getValue())) {
        return false;
      }
    }
    return !theirs.hasNext() && !ours.hasNext();
  }

  private static boolean sameDirs(
      java.util.NavigableSet<String> seen, java.util.NavigableSet<String> layer, String prefix) {
    var theirs = seen.subSet(prefix, prefix + Character.MAX_VALUE).iterator();
    var ours = layer.iterator();
    while (theirs.hasNext() && ours.hasNext()) {
      if (!sameBelow(theirs.next(), ours.next(), prefix)) {
        return false;
      }
    }
    return !theirs.hasNext() && !ours.hasNext();
  }

  /** Whether {@code path} (below {@code prefix}) is {@code relative} ({@code /rest}) rebased. */
  private static boolean sameBelow(String path, String relative, String prefix) {
    return path.length() == prefix.length() + relative.length() - 1
        && path.regionMatches(prefix.length(), relative, 1, relative.length() - 1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileLayer o
        && files.equals(o.files)
        && sizedFiles.equals(o.sizedFiles)
        && dirs.equals(o.dirs)
        && mtimes.equals(o.mtimes);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(files, sizedFiles, dirs, mtimes);
  }

  private static <V> void rebase(NavigableMap<String, V> from, Map<String, V> to, String prefix) {
    from.subMap(prefix, prefix + Character.MAX_VALUE)
        .forEach((path, value) -> to.put("/" + path.substring(prefix.length()), value));
  }
}
