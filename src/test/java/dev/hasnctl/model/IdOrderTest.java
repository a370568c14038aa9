package dev.hasnctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdOrderTest {
  @Test
  void aCopyIteratesAsASortedMapDoes() {
    List<ResourceId> ids = new ArrayList<>();
    for (String host : List.of("cn10", "cn2", "sn01", "ems", "cn1", "cn1.cluster")) {
      for (ResourceKind kind : List.of(ResourceKind.NODE, ResourceKind.SITE_ATTRIBUTE)) {
        for (String key : List.of("b", "a", "cn10", "c")) {
          ids.add(new ResourceId(HostName.of(host), kind, key));
        }
      }
    }
    Collections.shuffle(ids, new Random(7));
    Map<ResourceId, String> shuffled = new LinkedHashMap<>();
    ids.forEach(id -> shuffled.put(id, id.toString()));

    Map<ResourceId, String> copy = IdOrder.copy(shuffled);

    List<ResourceId> expected = new ArrayList<>(ids);
    expected.sort(null);
    assertThat(copy.keySet()).containsExactlyElementsOf(expected);
    assertThat(copy).containsExactlyInAnyOrderEntriesOf(shuffled);
    assertThat(IdOrder.holds(copy)).isTrue();
    assertThat(IdOrder.holds(shuffled)).isFalse();
    assertThat(IdOrder.copy(copy).keySet()).containsExactlyElementsOf(copy.keySet());
  }

  @Test
  void anOwnedMapIsKeptWhenInOrderAndSortedWhenNot() {
    ResourceId a = new ResourceId(HostName.of("cn1"), ResourceKind.NODE, "a");
    ResourceId b = new ResourceId(HostName.of("cn2"), ResourceKind.NODE, "a");
    LinkedHashMap<ResourceId, String> inOrder = new LinkedHashMap<>();
    inOrder.put(a, "1");
    inOrder.put(b, "2");
    LinkedHashMap<ResourceId, String> reversed = new LinkedHashMap<>();
    reversed.put(b, "2");
    reversed.put(a, "1");

    Map<ResourceId, String> owned = IdOrder.own(inOrder);

    assertThat(owned.keySet()).containsExactly(a, b);
    assertThat(IdOrder.own(reversed).keySet()).containsExactly(a, b);
    assertThat(IdOrder.copy(owned)).isSameAs(owned);
    assertThat(owned).isEqualTo(Map.of(a, "1", b, "2"));
    assertThatThrownBy(() -> owned.put(a, "3")).isInstanceOf(UnsupportedOperationException.class);
  }
}
