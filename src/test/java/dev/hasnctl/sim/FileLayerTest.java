package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link FileLayer#isBelow}, which tells after each command whether a host changed a shared GPFS
 * filesystem, says what copying the host's view and comparing it says.
 */
class FileLayerTest {
  private static SimHost host() {
    SimHost host = SimHost.of("sn01", Role.SERVICE_NODE);
    host.files.put("/install/postscripts/conslog", "#!/bin/sh\n");
    host.files.put("/install/statelite_data/cn0001/errlog", "x");
    host.sizedFiles.put("/install/paging/cn0001/swapnfs1", 1L << 30);
    host.mtimes.put("/install/statelite_data/cn0001/errlog", 7L);
    host.dirs.add("/install/statelite_data");
    host.files.put("/install-gpfs/other", "beside, not below");
    host.files.put("/etc/exports", "not below");
    return host;
  }

  @Test
  void aLayerIsBelowTheHostItWasCopiedFromAndNotOnceTheHostChangesBelowTheTop() {
    List<Consumer<SimHost>> changes =
        List.of(
            h -> h.files.put("/install/postscripts/conslog", "changed"),
            h -> h.files.put("/install/new", ""),
            h -> h.files.remove("/install/postscripts/conslog"),
            h -> h.sizedFiles.put("/install/paging/cn0001/swapnfs1", 1L),
            h -> h.mtimes.put("/install/statelite_data/cn0001/errlog", 8L),
            h -> h.dirs.add("/install/statelite_data/cn0002"),
            h -> h.files.put("/install/postscripts/conslog.hasnctl.new", "#!/bin/sh\n"));
    for (Consumer<SimHost> change : changes) {
      SimHost host = host();
      FileLayer layer = FileLayer.copyBelow(host, "/install");
      assertThat(layer.isBelow(host, "/install")).isTrue();

      change.accept(host);

      assertThat(layer.isBelow(host, "/install"))
          .isEqualTo(FileLayer.copyBelow(host, "/install").equals(layer))
          .isFalse();
    }
  }

  @Test
  void whatLiesBesideTheTopIsNotBelowIt() {
    SimHost host = host();
    FileLayer layer = FileLayer.copyBelow(host, "/install");

    host.files.put("/install-gpfs/more", "");
    host.files.put("/etc/hosts", "");

    assertThat(layer.isBelow(host, "/install")).isTrue();
  }
}
