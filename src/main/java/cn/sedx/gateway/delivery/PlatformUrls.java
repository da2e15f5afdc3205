package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The start-up check of a production gateway's destinations: each must be a real platform, reached over https on
 * another machine; a relative URL (this gateway's own port), a {@code /sim/} path, a loopback or wildcard host
 * means the gateway would deliver regulators' filings to a test double. Plain Java.
 */
public final class PlatformUrls {

    private PlatformUrls() {}

    /** Throws, listing every offending destination, unless all of {@code destinations} are real platforms. */
    static void requireReal(Map<String, Destination> destinations) {
        List<String> problems = problems(destinations);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("目标平台地址不是正式平台，网关拒绝启动 (destinations must point at the real"
                    + " platforms; set sedx.delivery.destinations.<name>.url): " + String.join("; ", problems));
        }
    }

    /** One line per destination whose URL is not a real platform's, sorted by destination name. */
    public static List<String> problems(Map<String, Destination> destinations) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(destinations).forEach((name, destination) -> {
            String problem = problem(destination.url());
            if (problem != null) {
                problems.add(name + " (" + destination.url() + "): " + problem);
            }
        });
        return problems;
    }

    private static String problem(URI url) {
        if (!url.isAbsolute() || url.getHost() == null) {
            return "相对地址指向本网关的内置模拟器 (a relative URL is this gateway's built-in simulator)";
        }
        if (!"https".equals(url.getScheme().toLowerCase(Locale.ROOT))) {
            return "必须使用 HTTPS (the platform must be reached over https)";
        }
        if (url.getPath() != null && (url.getPath().equals("/sim") || url.getPath().startsWith("/sim/"))) {
            return "路径指向平台模拟器 (the path is a platform simulator's)";
        }
        if (local(url.getHost())) {
            return "主机是本机地址 (the host is this machine)";
        }
        return null;
    }

    /** Loopback or wildcard by name or literal address; names are not resolved (no DNS at start-up). */
    private static boolean local(String host) {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        // only literals: a one-label name of hex letters ("cafe") must not be looked up in DNS
        if (!name.matches("[0-9.]+|[0-9a-f]*:[0-9a-f:.]*")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(name);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
