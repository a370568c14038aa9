package dev.hasnctl.spec;

import java.util.List;
import java.util.Optional;

/** Null-to-default helpers for the spec records' compact constructors. */
final class Defaults {
  private Defaults() {}

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  static <T> List<T> list(List<T> value, List<T> fallback) {
    return value == null ? fallback : List.copyOf(value);
  }

  @SuppressWarnings("OptionalAssignedToNull") // Jackson leaves absent record components null
  static <T> Optional<T> optional(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
