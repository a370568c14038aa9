package dev.hasnctl.plan;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Steps writing the TEAL utility node's DB2 client files on the EMS and in the TEAL image's spot. A
 * file without the password is written like any other (its content in the command line, the old
 * content kept). A file with the password never has it in a command line: the step reads the whole
 * file on standard input, which apply fills in from the secret ({@link #input}), into a new file
 * made private before a byte is written; the old file is kept with its password lines blanked.
 */
public final class TealSteps {
  /** What a kept copy of a password file has in place of the password. */
  static final String REMOVED = "(removed by hasnctl)";

  /** A {@code db2cli.ini} password line, in any case and spacing CLI accepts. */
  private static final String PWD_LINE = "^[[:blank:]]*[Pp][Ww][Dd][[:blank:]]*=.*";

  /**
   * xCAT's DB2 cfgloc line, {@code DB2:DATABASE|INSTANCE|PASSWORD} (db2sqlsetup): kept copies lose
   * the whole line, the password being its last field.
   */
  private static final String CFGLOC_LINE = "^[[:blank:]]*DB2:.*";

  /** Where spots keep the root filesystem of their diskless nodes. */
  private static final String INST_ROOT = "/usr/lpp/bos/inst_root";

  private final FileEdits edits;

  TealSteps(FileEdits edits) {
    this.edits = edits;
  }

  /**
   * @param changes the changes a step makes
   * @param checks every change of the plan, failed checks included
   */
  List<Step> build(List<Change> changes, List<Change> checks) {
    // A failing connection check the route may explain is verified again after IP forwarding is
    // set: the running utility node sees the route at once (the image's files only when installed).
    List<ResourceId> failing =
        checks.stream()
            .filter(c -> c.id().kind() == ResourceKind.DB2_CONNECTION)
            .filter(c -> c.action() == Action.REPORT)
            .map(Change::id)
            .toList();
    List<Step> out = new ArrayList<>();
    for (Change change : changes) {
      if (change.id().kind() == ResourceKind.DB2_CLIENT_FILE) {
        out.add(step(change));
      } else if (change.id().kind() == ResourceKind.NETWORK_OPTION) {
        out.add(option(change, failing));
      }
    }
    return out;
  }

  private Step step(Change change) {
    if (change.action() == Action.DELETE) {
      throw EmsSteps.unexpected(change);
    }
    String path = change.id().key();
    HostName host = change.id().host();
    String content = change.after().get("content");
    String mode = change.after().get("mode");
    String owner = change.after().get("owner");
    boolean exists = change.action() == Action.UPDATE;
    boolean sensitive = content.contains(Secret.SHOWN);
    String next = path + ".hasnctl.new";
    Script script = new Script();
    String dir = path.substring(0, path.lastIndexOf('/'));
    int spot = path.indexOf(INST_ROOT);
    if (spot > 0) {
      // Into an image only: a spot that is not there is the image's to build, not this step's.
      script.then(Argv.of("test", "-d", path.substring(0, spot + INST_ROOT.length())));
    }
    // The client tree is bin's (the seed's chown -R bin): a NEW left there, perhaps a link, is
    // removed rather than written through.
    script.then(Argv.of("mkdir", "-p", dir)).then(Argv.of("rm", "-f", next));
    if (sensitive) {
      if (exists) {
        // The kept copy never holds a password, and the journal takes no checksum of the file.
        script.thenUnless(
            Argv.of("test", "-e", edits.backupOf(path)).toShell(),
            Argv.of("sh", "-c", blanked(path, edits.backupOf(path))));
      }
      script
          .then(Argv.of("touch", next))
          .then(Argv.of("chmod", mode, next))
          .thenInto(Argv.of("cat"), next);
    } else {
      if (exists) {
        script.thenBackup(path, edits.backupOf(path));
      }
      script.thenInto(Argv.of("printf", "%s", content), next).then(Argv.of("chmod", mode, next));
    }
    script.then(Argv.of("chown", owner, next)).then(Argv.of("mv", next, path));
    String why =
        (exists ? "rewrite " : "create ")
            + path
            + (sensitive ? " (password from stdin)" : "")
            + (exists ? " (previous content kept" + (sensitive ? ", password blanked)" : ")") : "");
    return new Step(
        host + "/teal" + path,
        host,
        host,
        Phase.TABLES,
        Set.of(),
        script.toArgv(),
        why,
        List.of(change.id()),
        Set.of(),
        script.backups());
  }

  /** {@code no -p}: now and in /etc/tunables/nextboot, so the route survives a reboot. */
  private static Step option(Change change, List<ResourceId> connections) {
    if (change.action() == Action.DELETE) {
      throw EmsSteps.unexpected(change);
    }
    String name = change.id().key();
    String value = change.after().get("value");
    return new Step(
        change.id().host() + "/no/" + name,
        change.id().host(),
        change.id().host(),
        Phase.SN_FILES,
        Set.of(),
        Argv.of("no", "-p", "-o", name + "=" + value),
        "set "
            + name
            + "="
            + value
            + " now and at every boot (the TEAL node's route to the EMS)"
            + (connections.isEmpty() ? "" : ", then check the node's database connection"),
        Stream.concat(Stream.of(change.id()), connections.stream()).toList(),
        Set.of());
  }

  private static String blanked(String file, String copy) {
    return Argv.of(
                "sed",
                "-e",
                "s/" + PWD_LINE + "/pwd=" + REMOVED + "/",
                "-e",
                "s/" + CFGLOC_LINE + "/DB2:" + REMOVED + "/",
                file)
            .toShell()
        + " > "
        + Argv.quote(copy);
  }

  /**
   * What {@code step} reads on standard input, with {@value Secret#SHOWN} where the password goes:
   * the content of the password file it writes; empty for every other step.
   */
  public static Optional<String> input(Step step, DesiredState desired) {
    for (ResourceId id : step.verifies()) {
      if (id.kind() == ResourceKind.DB2_CLIENT_FILE) {
        Optional<String> content =
            desired.get(id).map(Resource::properties).map(p -> p.get("content"));
        if (content.isPresent() && content.get().contains(Secret.SHOWN)) {
          return content;
        }
      }
    }
    return Optional.empty();
  }
}
