package dev.hasnctl.model;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A password read from where the spec's reference points ({@code env:NAME} or {@code file:PATH}).
 * It prints as {@value #SHOWN}: the value leaves this object only through {@link #fill}, for the
 * standard input of the step that writes it, and through {@link #hmac}, for a comparison keyed with
 * a random key that lives as long as one run.
 */
public final class Secret {
  /** What a plan, a journal or a message shows in place of a secret. */
  public static final String SHOWN = "(sensitive)";

  private final String reference;
  private final byte[] value;

  /** The secret {@code value} read from {@code reference}. */
  public Secret(String reference, byte[] value) {
    this.reference = reference;
    this.value = value.clone();
  }

  /** The spec's reference ({@code env:NAME} or {@code file:PATH}), safe to print. */
  public String reference() {
    return reference;
  }

  /** {@code template} with every {@value #SHOWN} replaced by the secret. */
  public String fill(String template) {
    return template.replace(SHOWN, new String(value, StandardCharsets.UTF_8));
  }

  /** {@code text} with every occurrence of the secret replaced by {@value #SHOWN}. */
  public String redact(String text) {
    String secret = new String(value, StandardCharsets.UTF_8);
    return secret.isEmpty() ? text : text.replace(secret, SHOWN);
  }

  /**
   * The hex HMAC-SHA256 of {@code text} under {@code key}, as {@code openssl dgst -hmac} prints.
   */
  public static String hmac(String key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("this Java has no HmacSHA256, which every JDK must have", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s
        && s.reference.equals(reference)
        && java.security.MessageDigest.isEqual(s.value, value);
  }

  @Override
  public int hashCode() {
    return reference.hashCode();
  }

  @Override
  public String toString() {
    return reference + " " + SHOWN;
  }
}
