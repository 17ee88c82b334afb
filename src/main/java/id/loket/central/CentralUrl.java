package id.loket.central;

import id.loket.common.model.UserFacingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Central's base URL, checked before anything is sent to it. The office's token travels in every
 * request, so it may cross a network only encrypted: {@code https://} for any host, {@code http://}
 * only to this computer (a literal 127.0.0.0/8 address, {@code ::1} or {@code localhost}), where the
 * built-in simulator and the demo run. Names are never looked up to decide: {@code 127.example.org}
 * is not loopback.
 */
public final class CentralUrl {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Echoed URLs are cut here, so a pasted page of text does not become the message. */
    private static final int ECHO_MAX = 120;

    private CentralUrl() {
    }

    /**
     * The URL as Loket keeps it (scheme and host in lower case, no default port, no trailing slash),
     * or a refusal in words: malformed, or {@code http://} to a host that is not this computer.
     */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UserFacingException("central.url.malformed", "");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new UserFacingException("central.url.malformed", echo(text));
        }
        return check(uri, text);
    }

    /** Checks a URL already parsed (a {@link CentralClient.Config} built by code); answers it normalised. */
    public static URI check(URI uri) {
        return check(uri, uri.toString());
    }

    private static URI check(URI uri, String given) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getPort() > 65535) {
            throw new UserFacingException("central.url.malformed", echo(given));
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new UserFacingException("central.url.insecure", echo(given));
        }
        int port = uri.getPort() == (scheme.equals("https") ? 443 : 80) ? -1 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme + "://" + host + (port < 0 ? "" : ":" + port) + path);
        } catch (URISyntaxException e) {
            throw new UserFacingException("central.url.malformed", echo(given));
        }
    }

    /**
     * Whether a host as written in a URL is this computer: {@code localhost}, a dotted IPv4 literal in
     * 127.0.0.0/8, or the IPv6 loopback {@code [::1]} (in any of its spellings).
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        var v4 = IPV4.matcher(h);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(v4.group(1)) == 127;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return isIpv6Loopback(h.substring(1, h.length() - 1));
        }
        return false;
    }

    /** {@code ::1} however it is written ({@code 0:0:0:0:0:0:0:1}, {@code 0::1}); no zone, no name lookup. */
    private static boolean isIpv6Loopback(String text) {
        if (!text.matches("[0-9a-f:]+")) {
            return false;
        }
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
        String[] tail = halves.length == 1 || halves[1].isEmpty() ? new String[0] : halves[1].split(":", -1);
        int groups = head.length + tail.length;
        if (halves.length == 1 ? groups != 8 : groups > 7) {
            return false;
        }
        int[] value = new int[8];
        for (int i = 0; i < head.length; i++) {
            Integer g = group(head[i]);
            if (g == null) {
                return false;
            }
            value[i] = g;
        }
        for (int i = 0; i < tail.length; i++) {
            Integer g = group(tail[i]);
            if (g == null) {
                return false;
            }
            value[8 - tail.length + i] = g;
        }
        for (int i = 0; i < 7; i++) {
            if (value[i] != 0) {
                return false;
            }
        }
        return value[7] == 1;
    }

    private static Integer group(String text) {
        return text.isEmpty() || text.length() > 4 ? null : Integer.valueOf(text, 16);
    }

    /** The URL for a message: without any user name or password in it, and not longer than a line. */
    static String echo(String given) {
        String s = given == null ? "" : given.strip().replaceAll("\\p{Cntrl}", "?");
        s = s.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1…@");
        return s.length() > ECHO_MAX ? s.substring(0, ECHO_MAX) + "…" : s;
    }
}
