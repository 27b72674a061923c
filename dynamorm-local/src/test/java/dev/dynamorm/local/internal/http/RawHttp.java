package dev.dynamorm.local.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A raw HTTP/1.1 exchange over a real socket, with bounded waits. */
final class RawHttp {
    static final String AUTH =
            "Authorization: AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=00\r\n"
                    + "X-Amz-Date: 20260101T000000Z\r\n";

    private RawHttp() {}

    static String post(String target, String body) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810."
                + target
                + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + AUTH
                + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + body;
    }

    /** Sends {@code request} and reads one answer (head and Content-Length body), or to EOF. */
    static String exchange(URI endpoint, String request) throws IOException {
        try (Socket s = new Socket(endpoint.getHost(), endpoint.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return readAnswer(s.getInputStream());
        }
    }

    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (true) {
                String text = got.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    int cl = text.toLowerCase().indexOf("content-length: ");
                    if (cl >= 0 && cl < end) {
                        int eol = text.indexOf("\r\n", cl);
                        int length = Integer.parseInt(text.substring(cl + 16, eol).trim());
                        if (got.size() >= end + 4 + length) {
                            return text;
                        }
                    }
                }
                int n = in.read(buf);
                if (n < 0) {
                    return got.toString(StandardCharsets.UTF_8);
                }
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}
