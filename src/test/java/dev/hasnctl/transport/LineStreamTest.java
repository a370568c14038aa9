package dev.hasnctl.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's output cut into lines as its chunks arrive. */
class LineStreamTest {
  private static final String OUTPUT =
      """
      cn0001: @@hasnctl netstat
      cn0001: Routing tables

      cn0002: Zürich – ünïcode ✓ 𝄞
      cn0002: a last line with no newline""";

  /** The lines {@code text} gives when written in chunks of {@code size} bytes. */
  private static List<String> inChunks(String text, int size) {
    List<String> lines = new ArrayList<>();
    LineStream stream = new LineStream(lines::add);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at < bytes.length; at += size) {
      byte[] chunk = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + size));
      stream.write(chunk, 0, chunk.length);
    }
    stream.finish();
    return lines;
  }

  @Test
  void linesSplitAcrossChunksComeOutWholeWhateverTheChunkSize() {
    List<String> whole = List.of(OUTPUT.split("\n", -1));
    // Every size from one byte, which splits every multi-byte character, to the whole output.
    for (int size = 1; size <= OUTPUT.length() + 1; size++) {
      assertThat(inChunks(OUTPUT, size)).as("chunks of %d bytes", size).isEqualTo(whole);
    }
  }

  @Test
  void aFinalNewlineEndsTheLastLineAndMakesNoEmptyOne() {
    assertThat(inChunks("a\nb\n", 3)).containsExactly("a", "b");
    assertThat(inChunks("", 3)).isEmpty();
    assertThat(inChunks("\n\n", 1)).containsExactly("", "");
  }

  @Test
  void bytesThatAreNotUtf8DecodeAsInTheWholeOutput() {
    byte[] bytes = {'a', (byte) 0xC3, '\n', (byte) 0xFF, 'b', '\n'};
    List<String> lines = new ArrayList<>();
    LineStream stream = new LineStream(lines::add);
    for (byte b : bytes) {
      stream.write(b);
    }
    stream.finish();

    assertThat(lines)
        .containsExactly(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)[0], "\uFFFDb");
  }

  @Test
  void splittingAStringGivesTheSameLinesAsStreamingItsBytes() {
    for (String text : List.of(OUTPUT, "a\nb\n", "", "\n", "x")) {
      List<String> split = new ArrayList<>();
      LineStream.split(text, split::add);
      assertThat(split).as("'%s'", text).isEqualTo(inChunks(text, 5));
    }
  }

  @Test
  void whatTheConsumerThrowsComesBackAtTheEndAndTheRestIsDropped() {
    List<String> lines = new ArrayList<>();
    LineStream stream =
        new LineStream(
            line -> {
              if (line.equals("bad")) {
                throw new IllegalStateException("cannot read 'bad'");
              }
              lines.add(line);
            });
    byte[] bytes = "good\nbad\nafter\n".getBytes(StandardCharsets.UTF_8);
    stream.write(bytes, 0, bytes.length);

    assertThatThrownBy(stream::finish).hasMessage("cannot read 'bad'");
    assertThat(lines).containsExactly("good");
  }
}
