package cn.sedx.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports for the processes a test starts itself (a second gateway, the simulators, a broker). */
public final class Ports {

    private Ports() {}

    /** A port free at the time of the call; the caller binds it soon after. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
