package org.rareearth.dashboard.io.quotes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy settings downloads go through: Java's own ({@code https.proxyHost}, {@code java.net.useSystemProxies}),
 * else the {@code https_proxy}/{@code http_proxy} and {@code no_proxy} variables most systems set. The machine's own
 * loopback is never proxied.
 */
final class Proxies {
    private Proxies() {}

    static ProxySelector selector() {
        return selector(System.getenv(), ProxySelector.getDefault());
    }

    static ProxySelector selector(Map<String, String> env, ProxySelector java) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                if (isLoopback(host)) {
                    return List.of(Proxy.NO_PROXY);
                }
                boolean javaSet = System.getProperty(uri.getScheme() + ".proxyHost") != null
                        || Boolean.getBoolean("java.net.useSystemProxies");
                if (javaSet && java != null) {
                    return java.select(uri);
                }
                String value = first(env, uri.getScheme() + "_proxy");
                if (value == null && "https".equals(uri.getScheme())) {
                    value = first(env, "http_proxy");
                }
                if (value == null || value.isBlank() || excluded(host, first(env, "no_proxy"))) {
                    return java != null ? java.select(uri) : List.of(Proxy.NO_PROXY);
                }
                try {
                    URI p = URI.create(value.contains("://") ? value : "http://" + value);
                    int port = p.getPort() > 0 ? p.getPort() : 80;
                    return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
                } catch (IllegalArgumentException e) {
                    return List.of(Proxy.NO_PROXY);
                }
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                if (java != null) {
                    java.connectFailed(uri, sa, ioe);
                }
            }
        };
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String first(Map<String, String> env, String name) {
        String v = env.get(name.toLowerCase(Locale.ROOT));
        return v != null ? v : env.get(name.toUpperCase(Locale.ROOT));
    }

    /** True when {@code no_proxy} names the host, its domain, or {@code *}. */
    static boolean excluded(String host, String noProxy) {
        if (noProxy == null) {
            return false;
        }
        for (String raw : noProxy.split(",")) {
            String e = raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                return true;
            }
            String bare = e.startsWith(".") ? e.substring(1) : e;
            int colon = bare.indexOf(':');
            if (colon > 0 && !bare.contains("]")) {
                bare = bare.substring(0, colon);
            }
            if (host.equals(bare) || host.endsWith("." + bare)) {
                return true;
            }
        }
        return false;
    }
}
