package dev.hasnctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoderangeTest {
  @Test
  void bracketRangeKeepsZeroPadding() {
    assertThat(Noderange.expand("cn[0008-0011]"))
        .containsExactly("cn0008", "cn0009", "cn0010", "cn0011");
  }

  @Test
  void dashRangeBetweenTwoNames() {
    assertThat(Noderange.expand("cn01-cn03")).containsExactly("cn01", "cn02", "cn03");
  }

  @Test
  void listsMixFormsAndDropDuplicates() {
    assertThat(Noderange.expand("cn[1-2],util01,cn2,f1n[1-2]x"))
        .containsExactly("cn1", "cn2", "util01", "f1n1x", "f1n2x");
  }

  @Test
  void groupNamesExpandToTheirMembers() {
    Map<String, List<String>> groups = Map.of("sn01group", List.of("cn1", "cn2"));
    assertThat(Noderange.expand("sn01group,cn3", name -> Optional.ofNullable(groups.get(name))))
        .containsExactly("cn1", "cn2", "cn3");
  }

  @Test
  void hugeRangeIsRefusedBeforeExpanding() {
    assertThatThrownBy(() -> Noderange.expand("cn[1-99999999]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 100000");
  }

  @Test
  void manySmallRangesAreBoundedTogether() {
    String range = "a[1-60000],b[1-60000]";
    assertThatThrownBy(() -> Noderange.expand(range)).hasMessageContaining("more than 100000");
  }

  @Test
  void malformedElementsAreNamed() {
    assertThatThrownBy(() -> Noderange.expand("cn[5-1]")).hasMessageContaining("cn[5-1]");
    assertThatThrownBy(() -> Noderange.expand("cn1,,cn2")).hasMessageContaining("empty element");
    assertThatThrownBy(() -> Noderange.expand("cn;rm")).hasMessageContaining("'cn;rm'");
  }

  @Test
  void compressTurnsConsecutiveNumbersIntoBracketRuns() {
    assertThat(
            Noderange.compress(List.of("cn0001", "cn0002", "cn0003", "cn0007", "login", "cn0008")))
        .isEqualTo("cn[0001-0003],cn0007,login,cn0008");
  }

  @Test
  void compressIsTheInverseOfExpand() {
    String range = "cn[0001-0128],cn[0200-0299],util01,f1n[08-12]";

    assertThat(Noderange.expand(Noderange.compress(Noderange.expand(range))))
        .isEqualTo(Noderange.expand(range));
    assertThat(Noderange.compress(Noderange.expand(range))).isEqualTo(range);
  }

  @Test
  void compressKeepsDifferentWidthsApart() {
    assertThat(Noderange.compress(List.of("n9", "n10", "n010"))).isEqualTo("n9,n10,n010");
  }
}
