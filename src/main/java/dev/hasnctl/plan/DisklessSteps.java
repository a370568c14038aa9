package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.OsImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The NIM diskless definitions, as the seed's "Run mkdsklsnode" does them: {@code mkdsklsnode -V -S
 * -b} on each backup SN, then {@code mkdsklsnode -V -S -p} on each primary SN, one command per
 * service node, role and image; run on the EMS, which hands the work to the SN.
 */
final class DisklessSteps {
  private final ClusterSpec spec;
  private final boolean imagesChange;

  /**
   * @param imagesChange whether the plan changes an image: then {@code -p} syncs the shared_root
   *     with the spot, otherwise it skips that (the seed's {@code -k}, "save yourself several
   *     minutes")
   */
  DisklessSteps(ClusterSpec spec, boolean imagesChange) {
    this.spec = spec;
    this.imagesChange = imagesChange;
  }

  private record Key(HostName sn, String role, String image) implements Comparable<Key> {
    private static final java.util.Comparator<Key> ORDER =
        java.util.Comparator.comparing(Key::sn).thenComparing(Key::role).thenComparing(Key::image);

    @Override
    public int compareTo(Key o) {
      return ORDER.compare(this, o);
    }
  }

  List<Step> build(List<Change> changes) {
    Map<String, ComputeGroup> groupOf = new HashMap<>();
    for (ComputeGroup group : spec.groups()) {
      Noderange.expand(group.nodes()).forEach(node -> groupOf.put(node, group));
    }
    Map<Key, List<Change>> groups = new TreeMap<>();
    for (Change change : EmsSteps.of(changes, ResourceKind.DISKLESS_NODE)) {
      if (change.action() == Action.DELETE) {
        throw EmsSteps.unexpected(change);
      }
      ComputeGroup group = groupOf.get(change.id().key());
      if (group == null) {
        throw new IllegalStateException(change.id().key() + " is in no group of the spec");
      }
      // The SN that serves the group now gets -p; the other one -b (seed: a recovered SN "would
      // now be considered the backup SN, so when you run mkdsklsnode you need to use -b").
      String role = group.activeServiceNode().equals(change.id().host()) ? "primary" : "backup";
      Key key = new Key(change.id().host(), role, change.after().get("image"));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
    }
    List<Step> out = new ArrayList<>();
    groups.forEach((key, members) -> out.add(step(key, members)));
    return out;
  }

  private Step step(Key key, List<Change> members) {
    boolean backup = key.role().equals("backup");
    List<String> nodes = members.stream().map(c -> c.id().key()).toList();
    Argv command = Argv.of("mkdsklsnode", "-V", "-S", backup ? "-b" : "-p");
    if (!backup && !imagesChange) {
      command = command.plus("-k");
    }
    command = command.plus("-i", key.image(), Noderange.compress(nodes));
    OsImage image =
        spec.image(key.image())
            .orElseThrow(() -> new IllegalStateException("no image " + key.image() + " in spec"));
    if (image.dump().isPresent()) {
      command = command.plus("configdump=" + image.configdump().name().toLowerCase(Locale.ROOT));
    }
    return new Step(
            key.sn() + "/mkdsklsnode-" + key.role() + "/" + key.image(),
            spec.ems().name(),
            key.sn(),
            backup ? Phase.DISKLESS_BACKUP : Phase.DISKLESS_PRIMARY,
            Set.copyOf(nodes),
            command,
            (backup
                    ? "NIM definitions on backup SN "
                    : "NIM definitions and client files on primary SN ")
                + key.sn()
                + " for "
                + nodes.size()
                + " node"
                + (nodes.size() == 1 ? "" : "s"),
            members.stream().map(Change::id).toList(),
            Set.of())
        // -S sets NFSv4 replication up the first time with exportfs -ua, chnfs -R on and an NFS
        // restart (aixinstall.pm): an interruption unless the SN already exports replicas=.
        .disrupting(new Disruption(Disruption.Service.NFS, key.sn(), true));
  }
}
