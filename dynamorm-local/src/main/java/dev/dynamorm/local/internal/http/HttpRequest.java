package dev.dynamorm.local.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An HTTP/1.1 request head as read from the socket, and its body. */
final class HttpRequest {
    static final int MAX_HEADER_BYTES = 64 * 1024;

    /** The request cannot be understood: answered 400 and the connection closed. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The body is larger than allowed: answered 413. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** One header as sent (name lower-cased). */
    record Header(String name, String value) {}

    String method;
    String path;
    String query;
    String version;
    final List<Header> headers = new ArrayList<>();
    long contentLength = -1;
    boolean chunked;
    boolean keepAlive = true;
    boolean expectContinue;

    String header(String lowerName) {
        for (Header h : headers) {
            if (h.name().equals(lowerName)) {
                return h.value();
            }
        }
        return null;
    }

    /** Reads a request head whose first byte was already read. */
    static HttpRequest read(InputStream in, int first) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        String line = readLine(in, first, sb);
        while (line.isEmpty()) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException();
            }
            line = readLine(in, next, sb); // tolerate stray CRLF between requests
        }
        HttpRequest r = new HttpRequest();
        String[] parts = line.split(" ", -1);
        if (parts.length != 3
                || parts[0].isEmpty()
                || !upperCase(parts[0])
                || (!parts[1].startsWith("/") && !parts[1].equals("*"))
                || !parts[2].startsWith("HTTP/1.")) {
            throw new Malformed("malformed request line");
        }
        r.method = parts[0];
        int q = parts[1].indexOf('?');
        r.path = q < 0 ? parts[1] : parts[1].substring(0, q);
        r.query = q < 0 ? "" : parts[1].substring(q + 1);
        r.version = parts[2];
        r.keepAlive = !r.version.equals("HTTP/1.0");
        int total = line.length();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException();
            }
            String h = readLine(in, c, sb);
            if (h.isEmpty()) {
                return r;
            }
            total += h.length();
            if (total > MAX_HEADER_BYTES) {
                throw new Malformed("request head too large");
            }
            int colon = h.indexOf(':');
            if (colon <= 0 || h.charAt(0) == ' ' || h.charAt(0) == '\t') {
                throw new Malformed("malformed header line");
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            r.headers.add(new Header(name, value));
            switch (name) {
                case "content-length" -> {
                    try {
                        r.contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new Malformed("malformed Content-Length");
                    }
                    if (r.contentLength < 0) {
                        throw new Malformed("malformed Content-Length");
                    }
                }
                case "transfer-encoding" ->
                        r.chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> {
                    if (value.equalsIgnoreCase("close")) {
                        r.keepAlive = false;
                    } else if (value.equalsIgnoreCase("keep-alive")) {
                        r.keepAlive = true;
                    }
                }
                case "expect" -> r.expectContinue = value.equalsIgnoreCase("100-continue");
                default -> {}
            }
        }
    }

    /** Fails with 413 before reading a body declared larger than {@code max}. */
    void checkDeclaredLength(long max) throws TooLarge {
        if (!chunked && contentLength > max) {
            throw new TooLarge(
                    "Request body of " + contentLength + " bytes exceeds " + max + " bytes");
        }
    }

    byte[] body(InputStream in, long max) throws IOException {
        if (chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new EOFException();
                }
                String size = readLine(in, c);
                int semi = size.indexOf(';');
                long n;
                try {
                    n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new Malformed("malformed chunk size");
                }
                if (n < 0) {
                    throw new Malformed("malformed chunk size");
                }
                if (n == 0) {
                    while (true) {
                        int t = in.read();
                        if (t < 0 || readLine(in, t).isEmpty()) {
                            return out.toByteArray();
                        }
                    }
                }
                if (out.size() + n > max) {
                    throw new TooLarge("Request body exceeds " + max + " bytes");
                }
                byte[] chunk = in.readNBytes((int) n);
                if (chunk.length != n) {
                    throw new EOFException();
                }
                out.write(chunk);
                int cr = in.read();
                if (cr < 0) {
                    throw new EOFException();
                }
                readLine(in, cr);
            }
        }
        if (contentLength <= 0) {
            return new byte[0];
        }
        byte[] body = in.readNBytes((int) contentLength);
        if (body.length != contentLength) {
            throw new EOFException();
        }
        return body;
    }

    private static String readLine(InputStream in, int first) throws IOException {
        return readLine(in, first, new StringBuilder(64));
    }

    /** Reads one line into {@code sb} (cleared first: one builder serves a whole request head). */
    private static String readLine(InputStream in, int first, StringBuilder sb) throws IOException {
        sb.setLength(0);
        int c = first;
        while (c != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
            if (sb.length() > MAX_HEADER_BYTES) {
                throw new Malformed("header line too long");
            }
            c = in.read();
        }
        throw new EOFException();
    }

    /**
     * Whether every character is A-Z (a loop: a stream here cost the first request ~20 classes).
     */
    private static boolean upperCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }
}
