package dev.hasnctl.apply;

/**
 * A backup a step takes, as the journal records it before the step starts.
 *
 * @param host the host holding the file (a compute node for a step run with xdsh)
 * @param file the file the step replaces
 * @param copy where its content from before the apply is kept
 * @param checksum what {@code cksum FILE} printed before the step first ran ({@code CRC OCTETS}),
 *     {@code absent} when there was no such file, or {@code unread: REASON}; {@code cksum COPY}
 *     prints the same while the copy still holds that content
 */
public record KeptBackup(String host, String file, String copy, String checksum) {}
