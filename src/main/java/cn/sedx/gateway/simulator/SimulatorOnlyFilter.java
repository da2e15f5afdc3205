package cn.sedx.gateway.simulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * In a process that is the simulators alone ({@code sedx.simulator.standalone}, the {@code simulator} profile),
 * answers 404 to everything but {@code /sim/**} and {@code /actuator/**}, ahead of security: the gateway's own
 * channels (REST submissions, SOAP, callbacks, admin) run in that process too but must take nothing, or a
 * filing sent there by mistake would be accepted and never delivered.
 */
class SimulatorOnlyFilter extends HttpFilter {

    private static final byte[] NOT_HERE = ("{\"title\":\"此进程只运行平台模拟器 (only the platform simulators run in"
            + " this process)\",\"status\":404}").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (served(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/problem+json");
        response.setContentLength(NOT_HERE.length);
        response.getOutputStream().write(NOT_HERE);
    }

    /** Decoded and normalised by the container, so {@code /sim/../api/…} is not mistaken for a simulator path. */
    private static boolean served(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return under(path, "/sim") || under(path, "/actuator");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
