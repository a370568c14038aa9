package dev.hasnctl.probe;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the SNs' paging files are listed. They live on the shared GPFS {@code /install}, which
 * every SN that mounts it sees alike: listing it on each of 128 SNs would print every node's files
 * 128 times (550 MB at 16,384 nodes). So one SN that the probe saw mount the filesystem, with the
 * paging files below its mount point, lists them for every SN seen so; an SN not seen so (GPFS
 * unmounted or not observed, as in a step's verification, or a local {@code /install} before the
 * migration) lists its own.
 */
final class SharedPaging {
  private SharedPaging() {}

  /** Takes the paging files out of {@code byHost}: they are listed after the rest is seen. */
  static Map<HostName, List<Resource>> takeFrom(Map<HostName, List<Resource>> byHost) {
    Map<HostName, List<Resource>> paging = new LinkedHashMap<>();
    for (Iterator<Map.Entry<HostName, List<Resource>>> it = byHost.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<HostName, List<Resource>> entry = it.next();
      if (entry.getValue().stream().noneMatch(r -> r.id().kind() == ResourceKind.PAGING_FILE)) {
        // Most hosts (the compute nodes) hold none: nothing to split.
        continue;
      }
      List<Resource> files = new ArrayList<>();
      List<Resource> rest = new ArrayList<>();
      for (Resource r : entry.getValue()) {
        (r.id().kind() == ResourceKind.PAGING_FILE ? files : rest).add(r);
      }
      if (!files.isEmpty()) {
        paging.put(entry.getKey(), files);
        if (rest.isEmpty()) {
          it.remove();
        } else {
          entry.setValue(rest);
        }
      }
    }
    return paging;
  }

  /**
   * Which host lists which paging files: one SN for those of every SN whose GPFS mount {@code seen}
   * shows with the files below its mount point, each other SN its own.
   */
  static Map<HostName, List<Resource>> listers(
      Map<HostName, List<Resource>> paging, Map<ResourceId, Observed> seen) {
    Map<HostName, String> mountPoints = new HashMap<>();
    for (Observed observed : seen.values()) {
      if (observed instanceof Observed.Present present
          && present.resource().id().kind() == ResourceKind.GPFS_MOUNT) {
        Optional.ofNullable(present.resource().properties().get("mountPoint"))
            .ifPresent(mount -> mountPoints.put(present.resource().id().host(), mount));
      }
    }
    Map<HostName, List<Resource>> out = new LinkedHashMap<>();
    HostName lister = null;
    for (Map.Entry<HostName, List<Resource>> entry : paging.entrySet()) {
      String mount = mountPoints.get(entry.getKey());
      boolean shared =
          mount != null && entry.getValue().stream().allMatch(r -> below(r.id().key(), mount));
      if (!shared) {
        out.computeIfAbsent(entry.getKey(), h -> new ArrayList<>()).addAll(entry.getValue());
      } else {
        if (lister == null) {
          lister = entry.getKey();
        }
        out.computeIfAbsent(lister, h -> new ArrayList<>()).addAll(entry.getValue());
      }
    }
    return out;
  }

  private static boolean below(String path, String mountPoint) {
    return mountPoint.startsWith("/")
        && (mountPoint.equals("/")
            || path.startsWith(mountPoint.endsWith("/") ? mountPoint : mountPoint + "/"));
  }
}
