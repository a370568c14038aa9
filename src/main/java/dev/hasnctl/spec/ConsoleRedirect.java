package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;

/**
 * The boot postscript that moves the console log off persistent statelite storage ({@code
 * /usr/sbin/swcons -p TARGET}); a console log on a failing-over mount hangs failover.
 */
public record ConsoleRedirect(String postscript, AbsolutePath target) {
  public ConsoleRedirect {
    postscript = Defaults.or(postscript, "conslog");
    target = Defaults.or(target, AbsolutePath.of("/tmp/conslog"));
  }
}
