package dev.hasnctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A resource's properties behave as the sorted, unmodifiable map they always were. */
class PropertyMapTest {
  private static final ResourceId ID =
      new ResourceId(HostName.of("ems01"), ResourceKind.NODE, "cn0001");

  @Test
  void propertiesAreSortedEqualAndPrintedLikeATreeMap() {
    Map<String, String> given = new HashMap<>();
    given.put("xcatmaster", "sn01-hfi");
    given.put("groups", "compute,all");
    given.put("status", "");
    TreeMap<String, String> expected = new TreeMap<>(given);

    Resource r = Resource.managed(ID, given, "/nodes/0");

    assertThat(r.properties()).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(expected).isEqualTo(r.properties());
    assertThat(r.properties()).hasToString(expected.toString());
    assertThat(List.copyOf(r.properties().keySet())).containsExactlyElementsOf(expected.keySet());
    assertThat(r.properties().get("groups")).isEqualTo("compute,all");
    assertThat(r.properties().get("nothing")).isNull();
    assertThat(r.properties().containsKey("status")).isTrue();
    assertThat(r.properties().firstKey()).isEqualTo("groups");
    assertThat(r.properties().lastKey()).isEqualTo("xcatmaster");
    assertThat(r.properties().headMap("status")).isEqualTo(expected.headMap("status"));
    assertThat(r).isEqualTo(Resource.managed(ID, expected, "/nodes/0"));
  }

  @Test
  void propertiesCannotBeChanged() {
    Resource r = Resource.managed(ID, Map.of("status", "booted"), "");

    assertThatThrownBy(() -> r.properties().put("status", "down"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.properties().keySet().remove("status"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.properties().entrySet().iterator().next().setValue("down"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(r.properties()).containsEntry("status", "booted");
  }

  @Test
  void mapsOfTheSameNamesAreEqualOnlyWithTheSameValues() {
    Resource a = Resource.managed(ID, Map.of("groups", "all,aix", "status", "booted"), "");
    Resource b = Resource.managed(ID, Map.of("status", "booted", "groups", "all,aix"), "");
    Resource c = Resource.managed(ID, Map.of("groups", "all,aix", "status", "installing"), "");
    Resource d = Resource.managed(ID, Map.of("groups", "all,aix", "statu", "booted"), "");

    assertThat(a.properties()).isEqualTo(b.properties()).hasSameHashCodeAs(b.properties());
    assertThat(a.properties()).isNotEqualTo(c.properties()).isNotEqualTo(d.properties());
    assertThat(a.properties()).isEqualTo(new java.util.TreeMap<>(b.properties()));
    assertThat(new java.util.TreeMap<>(c.properties())).isEqualTo(c.properties());
    assertThat(c.properties().get("status")).isEqualTo("installing");
  }
}
