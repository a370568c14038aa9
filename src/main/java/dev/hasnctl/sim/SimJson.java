package dev.hasnctl.sim;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of {@link SimState}: compact, stable key order, strict on unknown keys. */
public final class SimJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private SimJson() {}

  /** The state as UTF-8 JSON bytes; the same state always gives the same bytes. */
  public static byte[] write(SimState state) {
    return MAPPER.writeValueAsBytes(state);
  }

  /** Reads a state written by {@link #write}. */
  public static SimState read(byte[] json) {
    SimState state = MAPPER.readValue(json, SimState.class);
    if (state.format != SimState.FORMAT) {
      throw new IllegalArgumentException(
          "state file format " + state.format + ", this hasnctl reads " + SimState.FORMAT);
    }
    return state;
  }

  /** A deep copy of {@code state}. */
  public static SimState copy(SimState state) {
    return read(write(state));
  }
}
