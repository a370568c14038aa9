package dev.hasnctl.sim.serve;

import java.io.IOException;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionFactory;

/**
 * A session channel that sends a command's exit status before its end of output, then closes, as
 * OpenSSH's sshd does. MINA's own order (end of output first) lets a multiplexing OpenSSH client
 * (ControlMaster) finish the command before the status arrives, and report none.
 */
final class ExitStatusFirst extends ChannelSession {
  @Override
  protected void closeShell(int exitValue, boolean immediate) throws IOException {
    if (!isClosing()) {
      sendExitStatus(exitValue); // sent once: MINA's own call after the end of output is a no-op
    }
    super.closeShell(exitValue, immediate);
  }

  /** Makes {@link ExitStatusFirst} channels where MINA would make its own session channels. */
  static final class Factory extends ChannelSessionFactory {
    @Override
    public Channel createChannel(Session session) {
      return new ExitStatusFirst();
    }
  }
}
