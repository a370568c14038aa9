package dev.hasnctl.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerReaderTest {
  private static Map<ResourceId, Observed> absent(String host, List<String> lines) {
    ResourceId id = new ResourceId(HostName.of(host), ResourceKind.RUNNING_NODE, lines.get(0));
    return Map.of(id, new Observed.Absent(id));
  }

  @Test
  void everyAnswerTakenIsReadWhateverThreadReadsIt() {
    Map<ResourceId, Observed> read;
    try (AnswerReader reader = new AnswerReader(AnswerReaderTest::absent)) {
      for (int i = 1; i <= 1000; i++) {
        reader.accept(String.format("cn%04d", i), List.of("line of cn" + i));
      }
      read = reader.read();
    }

    assertThat(read).hasSize(1000);
    assertThat(read)
        .containsKey(
            new ResourceId(HostName.of("cn0001"), ResourceKind.RUNNING_NODE, "line of cn1"))
        .containsKey(
            new ResourceId(HostName.of("cn1000"), ResourceKind.RUNNING_NODE, "line of cn1000"));
  }

  @Test
  void whatReadingAnAnswerThrowsIsThrownByRead() {
    try (AnswerReader reader =
        new AnswerReader(
            (host, lines) -> {
              if (host.equals("cn0500")) {
                throw new IllegalStateException("cannot read cn0500");
              }
              return absent(host, lines);
            })) {
      for (int i = 1; i <= 1000; i++) {
        reader.accept(String.format("cn%04d", i), List.of("x"));
      }
      assertThatThrownBy(reader::read).hasMessage("cannot read cn0500");
    }
  }
}
