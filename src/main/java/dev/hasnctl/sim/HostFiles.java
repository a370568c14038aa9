package dev.hasnctl.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The file system of a simulated host: regular files (kept content or size only) and directories, a
 * directory existing when made explicitly or when something lies below it.
 */
public final class HostFiles {
  /** What is written here is discarded (POSIX.1-2017, 10.1 "Directory Structure and Devices"). */
  public static final String DEV_NULL = "/dev/null";

  private HostFiles() {}

  /**
   * Writes {@code content} to {@code path}, appending when {@code append}, with no modification
   * time (for system files nothing compares by age; data files use the overload with one).
   */
  public static void write(SimHost host, String path, String content, boolean append) {
    if (path.equals(DEV_NULL)) {
      return;
    }
    String old = append ? host.files.getOrDefault(path, "") : "";
    host.sizedFiles.remove(path);
    host.files.put(path, old + content);
    host.mtimes.remove(path);
  }

  /** Writes {@code content} to {@code path} as of {@code mtime}, the state's logical clock. */
  public static void write(SimHost host, String path, String content, boolean append, long mtime) {
    if (path.equals(DEV_NULL)) {
      return;
    }
    write(host, path, content, append);
    host.mtimes.put(path, mtime);
  }

  /** The modification time of {@code path}; older than any other when it has none. */
  public static long mtime(SimHost host, String path) {
    return host.mtimes.getOrDefault(path, Long.MIN_VALUE);
  }

  /** Whether {@code path} is a regular file. */
  public static boolean isFile(SimHost host, String path) {
    return host.files.containsKey(path) || host.sizedFiles.containsKey(path);
  }

  /** Whether {@code path} is a directory. */
  public static boolean isDirectory(SimHost host, String path) {
    String dir = normalise(path);
    if (dir.equals("/") || host.dirs.contains(dir)) {
      return true;
    }
    String prefix = dir + "/";
    return below(host.files, prefix)
        || below(host.sizedFiles, prefix)
        || !host.dirs.subSet(prefix, prefix + Character.MAX_VALUE).isEmpty();
  }

  private static boolean below(java.util.NavigableMap<String, ?> map, String prefix) {
    String next = map.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  /** Whether anything exists at {@code path}. */
  public static boolean exists(SimHost host, String path) {
    return isFile(host, path) || isDirectory(host, path);
  }

  /** The size of a regular file in bytes. */
  public static long size(SimHost host, String path) {
    Long sized = host.sizedFiles.get(path);
    if (sized != null) {
      return sized;
    }
    String content = host.files.get(path);
    return content == null ? 0 : content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** The names directly inside directory {@code path}, sorted. */
  public static List<String> list(SimHost host, String path) {
    String dir = normalise(path);
    String prefix = dir.equals("/") ? "/" : dir + "/";
    TreeSet<String> names = new TreeSet<>();
    collect(host.files, prefix, names);
    collect(host.sizedFiles, prefix, names);
    for (String d : host.dirs.tailSet(prefix)) {
      if (!d.startsWith(prefix)) {
        break;
      }
      addChild(d, prefix, names);
    }
    return new ArrayList<>(names);
  }

  private static void collect(
      java.util.NavigableMap<String, ?> map, String prefix, java.util.Set<String> names) {
    for (Map.Entry<String, ?> entry : map.tailMap(prefix, true).entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        break;
      }
      addChild(entry.getKey(), prefix, names);
    }
  }

  private static void addChild(String path, String prefix, java.util.Set<String> names) {
    String rest = path.substring(prefix.length());
    if (rest.isEmpty()) {
      return;
    }
    int slash = rest.indexOf('/');
    names.add(slash < 0 ? rest : rest.substring(0, slash));
  }

  /** Removes the file or the whole tree at {@code path}; returns whether anything was there. */
  public static boolean removeTree(SimHost host, String path) {
    String dir = normalise(path);
    boolean any = host.files.remove(dir) != null;
    any |= host.sizedFiles.remove(dir) != null;
    any |= host.dirs.remove(dir);
    host.mtimes.remove(dir);
    String prefix = dir + "/";
    host.mtimes.keySet().removeIf(p -> p.startsWith(prefix));
    any |= host.files.keySet().removeIf(p -> p.startsWith(prefix));
    any |= host.sizedFiles.keySet().removeIf(p -> p.startsWith(prefix));
    any |= host.dirs.removeIf(p -> p.startsWith(prefix));
    return any;
  }

  /** {@code path} without a trailing slash (except the root). */
  public static String normalise(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** The parent directory of {@code path}. */
  public static String parent(String path) {
    String p = normalise(path);
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? "/" : p.substring(0, slash);
  }
}
