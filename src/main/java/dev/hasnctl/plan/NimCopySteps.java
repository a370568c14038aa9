package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.NimVersions;
import dev.hasnctl.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An SN's copies of an image's NIM resources at another NFS version than the image's: {@code nim
 * -Fo change -a nfs_vers=N RES} on that SN for each copy that differs, the command xCAT runs for
 * the NIM primary's own resources ({@code mknimimage -u}, aixinstall.pm l.2979), which never
 * reaches an SN's copies (l.2980 runs it on the NIM primary only; mkdsklsnode defines a copy once
 * and leaves an existing one alone, make_SN_resource). NIM re-exports a resource it changes, so the
 * step interrupts NFS on the SN for the nodes that mount those copies.
 */
final class NimCopySteps {
  private final List<Step> out = new ArrayList<>();

  List<Step> build(List<Change> changes) {
    for (Change change : EmsSteps.of(changes, ResourceKind.NIM_RESOURCES)) {
      if (change.action() != Action.UPDATE) {
        throw EmsSteps.unexpected(change);
      }
      String image = change.id().key();
      String vers = change.after().get("nfs_vers");
      List<String> copies = NimVersions.others(change.before().getOrDefault("nfs_vers", ""));
      if (copies.isEmpty()) {
        throw new IllegalStateException(
            change.id() + ": the probe named no copy to change (" + change.before() + ")");
      }
      Script script = new Script();
      copies.forEach(
          copy -> script.then(Argv.of("nim", "-Fo", "change", "-a", "nfs_vers=" + vers, copy)));
      out.add(
          new Step(
                  change.id().host() + "/nim/" + image + "/nfs_vers",
                  change.id().host(),
                  change.id().host(),
                  Phase.IMAGES,
                  Set.of(),
                  script.toArgv(
                      copies.size() == 1
                          ? Argv.of("nim", "-Fo", "change", "-a", "nfs_vers=" + vers, copies.get(0))
                          : null),
                  "convert "
                      + change.id().host()
                      + "'s copies of image "
                      + image
                      + "'s NIM resources to NFS version "
                      + vers,
                  List.of(change.id()),
                  Set.of())
              .disrupting(Disruption.nfs(change.id().host())));
    }
    return out;
  }
}
