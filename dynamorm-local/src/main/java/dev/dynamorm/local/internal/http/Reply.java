package dev.dynamorm.local.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One HTTP answer with the headers DynamoDB sends. */
final class Reply {
    private final int status;
    private final byte[] body;
    private final String[] extraHeaders;
    private final boolean closes;

    Reply(int status, byte[] body) {
        this(status, body, new String[0], false);
    }

    private Reply(int status, byte[] body, String[] extraHeaders, boolean closes) {
        this.status = status;
        this.body = body;
        this.extraHeaders = extraHeaders;
        this.closes = closes;
    }

    static Reply error(int status, String type, String message) {
        StringBuilder json = new StringBuilder("{\"__type\":\"").append(type).append('"');
        if (message != null) {
            json.append(",\"message\":\"").append(escape(message)).append('"');
        }
        json.append('}');
        return new Reply(status, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The answer to a CORS preflight, as DynamoDB Local gives it. */
    static Reply preflight(HttpRequest request, String corsOrigin) {
        String origin = allowedOrigin(request, corsOrigin);
        if (origin == null) {
            return new Reply(200, new byte[0]);
        }
        String asked = request.header("access-control-request-headers");
        return new Reply(
                200,
                new byte[0],
                new String[] {
                    "Access-Control-Allow-Origin: " + origin,
                    "Access-Control-Allow-Methods: GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers: "
                            + (asked == null
                                    ? "authorization, content-type, x-amz-date, x-amz-target,"
                                            + " x-amz-security-token, x-amz-user-agent"
                                    : asked),
                    "Access-Control-Max-Age: 172800"
                },
                false);
    }

    /**
     * The origin to allow: {@code *} when configured so, else the request's origin if it is in the
     * comma-separated list; null when CORS is off or the origin is not listed.
     */
    private static String allowedOrigin(HttpRequest request, String corsOrigin) {
        if (corsOrigin == null) {
            return null;
        }
        if (corsOrigin.equals("*")) {
            return "*";
        }
        String origin = request.header("origin");
        if (origin == null) {
            return null;
        }
        return Arrays.stream(corsOrigin.split(",")).map(String::trim).anyMatch(origin::equals)
                ? origin
                : null;
    }

    Reply close() {
        return new Reply(status, body, extraHeaders, true);
    }

    Reply closeUnless(boolean keep) {
        return keep ? this : close();
    }

    boolean closes() {
        return closes;
    }

    void write(OutputStream out, HttpRequest request, String corsOrigin) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        head.append("Content-Type: ").append(Protocol.CONTENT_TYPE).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("x-amzn-RequestId: ").append(Protocol.requestId()).append("\r\n");
        head.append("x-amz-crc32: ").append(Protocol.crc32(body)).append("\r\n");
        for (String h : extraHeaders) {
            head.append(h).append("\r\n");
        }
        if (extraHeaders.length == 0 && request != null && request.header("origin") != null) {
            String origin = allowedOrigin(request, corsOrigin);
            if (origin != null) {
                head.append("Access-Control-Allow-Origin: ").append(origin).append("\r\n");
                head.append("Access-Control-Expose-Headers: x-amzn-RequestId, x-amz-crc32\r\n");
            }
        }
        if (closes || (request != null && !request.keepAlive)) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (request == null || !request.method.equals("HEAD")) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 413 -> "Request Entity Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
