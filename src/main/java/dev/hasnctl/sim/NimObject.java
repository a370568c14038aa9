package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;

/**
 * One NIM object on a NIM master, as a {@code lsnim -l} stanza: class, type and the remaining
 * attributes in the order NIM prints them.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class NimObject {
  /** {@code resources}, {@code machines}, {@code networks} or {@code groups}. */
  public String nimClass = "";

  /** e.g. {@code spot}, {@code lpp_source}, {@code shared_root}, {@code diskless}. */
  public String type = "";

  /** The other attributes in print order, e.g. {@code location}, {@code nfs_vers}. */
  public LinkedHashMap<String, String> attributes = new LinkedHashMap<>();

  public NimObject() {}

  /** An object of {@code nimClass} and {@code type} with no other attributes yet. */
  public static NimObject of(String nimClass, String type) {
    NimObject object = new NimObject();
    object.nimClass = nimClass;
    object.type = type;
    return object;
  }

  /** Sets {@code name} to {@code value}, keeping its print position if it was set; this object. */
  public NimObject with(String name, String value) {
    attributes.put(name, value);
    return this;
  }
}
