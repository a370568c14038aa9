package dev.hasnctl.sim.xcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Lookups by key stay right however the rows change: through the writers or the live list. */
class XcatDbTest {
  private final XcatDb db = new XcatDb(new TreeMap<>());

  @Test
  void aRowSetAfterALookupIsFoundAndTheFirstOfTwoEqualKeysWins() {
    db.set("nodelist", "cn001", "groups", "compute,all");
    assertThat(db.isNode("cn002")).isFalse();

    db.set("nodelist", "cn002", "groups", "compute,all");
    db.rows("nodelist").add(new TreeMap<>(Map.of("node", "cn001", "groups", "other")));

    assertThat(db.isNode("cn002")).isTrue();
    assertThat(db.groupsOf("cn001")).containsExactly("compute", "all");
    assertThat(db.nodes()).containsExactly("cn001", "cn002");
  }

  @Test
  void deletedRowsAreGoneWhicheverWayTheyWereRemoved() {
    db.set("noderes", "cn001", "servicenode", "sn01,sn02");
    db.set("noderes", "cn002", "servicenode", "sn02,sn01");
    db.set("noderes", "compute", "xcatmaster", "sn01-hfi");
    assertThat(db.value("noderes", "cn001", "servicenode")).hasValue("sn01,sn02");

    db.delete("noderes", "cn001");
    db.deleteWhere("noderes", Map.of("node", "cn002"));
    List<Map<String, String>> live = db.rows("noderes");
    live.removeIf(r -> r.get("node").equals("compute"));

    assertThat(db.row("noderes", "cn001")).isEmpty();
    assertThat(db.row("noderes", "cn002")).isEmpty();
    assertThat(db.row("noderes", "compute")).isEmpty();
  }

  @Test
  void groupRowsAreInheritedUntilANodeRowOverridesThem() {
    db.set("nodelist", "cn001", "groups", "rack1,compute");
    db.set("noderes", "compute", "xcatmaster", "sn01-hfi");
    assertThat(db.nodeAttribute("cn001", "xcatmaster")).hasValue("sn01-hfi");

    db.set("noderes", "rack1", "xcatmaster", "sn02-hfi");
    assertThat(db.nodeAttribute("cn001", "xcatmaster")).hasValue("sn02-hfi");

    db.set("noderes", "cn001", "xcatmaster", "sn03-hfi");
    assertThat(db.nodeAttribute("cn001", "xcatmaster")).hasValue("sn03-hfi");

    db.set("noderes", "cn001", "xcatmaster", "");
    assertThat(db.nodeAttribute("cn001", "xcatmaster")).hasValue("sn02-hfi");
  }

  @Test
  void aRenamedKeyIsFoundUnderItsNewName() {
    db.set("nodelist", "cn001", "groups", "compute");
    assertThat(db.isNode("cn001")).isTrue();

    db.set("nodelist", "cn001", "node", "cn101");

    assertThat(db.isNode("cn001")).isFalse();
    assertThat(db.isNode("cn101")).isTrue();
    assertThat(new ArrayList<>(db.expand("compute"))).containsExactly("cn101");
  }
}
