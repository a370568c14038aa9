package dev.hasnctl.desired;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.OsImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SNs' copies of the images' NIM resources, at the image's NFS version. mkdsklsnode defines the
 * copies on every SN that serves the image (primary and backup) with the NIM primary's nfs_vers,
 * and never redefines a copy that exists (aixinstall.pm make_SN_resource), while {@code mknimimage
 * -u IMG nfs_vers=4} changes only the NIM primary's (aixinstall.pm l.2929-3000): the seed says to
 * check both ("Run 'lsnim -a nfs_vers' on the EMS and each service node").
 */
final class NimCopies {
  private NimCopies() {}

  static void add(ClusterSpec spec, Expansion out) {
    List<OsImage> images = spec.images();
    for (ComputeGroup group : spec.groups()) {
      List<HostName> sns = new ArrayList<>();
      sns.add(group.primary());
      group.backup().ifPresent(sns::add);
      for (int i = 0; i < images.size(); i++) {
        OsImage image = images.get(i);
        if (!image.name().equals(group.image())) {
          continue;
        }
        for (HostName sn : sns) {
          out.add(
              Resource.managed(
                  new ResourceId(sn, ResourceKind.NIM_RESOURCES, image.name()),
                  Map.of("nfs_vers", Integer.toString(image.nfsVers())),
                  "/images/" + i));
        }
      }
    }
  }
}
