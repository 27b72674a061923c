package dev.dynamorm.plugin.encryption.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dynamorm.plugin.encryption.internal.crypto.Aead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.AEADBadTagException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A KMS-compatible server on loopback for tests: JSON 1.1 over HTTP ({@code X-Amz-Target:
 * TrentService.GenerateDataKey} and {@code TrentService.Decrypt}), symmetric keys held in memory,
 * ciphertext blobs that name their key and are bound to the encryption context, and the KMS error
 * types ({@code NotFoundException}, {@code DisabledException}, {@code InvalidCiphertextException},
 * {@code IncorrectKeyException}). Counts calls and records the encryption contexts it saw.
 */
final class FakeKms implements AutoCloseable {

    static final String ACCOUNT = "111122223333";

    private final HttpServer server;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    final AtomicInteger generateCalls = new AtomicInteger();
    final AtomicInteger decryptCalls = new AtomicInteger();
    final List<Map<String, Object>> contexts = new CopyOnWriteArrayList<>();

    private FakeKms() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(
                java.util.concurrent.Executors.newFixedThreadPool(
                        4,
                        r -> {
                            Thread t = new Thread(r, "fake-kms");
                            t.setDaemon(true);
                            return t;
                        }));
        server.start();
    }

    static FakeKms start() {
        try {
            return new FakeKms();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a key and returns its ARN; {@code alias/<name>} resolves to it too. */
    String createKey(String name) {
        String arn = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + name;
        byte[] material = new byte[32];
        random.nextBytes(material);
        keys.put(arn, material);
        aliases.put("alias/" + name, arn);
        aliases.put(name, arn);
        return arn;
    }

    /** Points an alias to another key. */
    void alias(String alias, String arn) {
        aliases.put(alias, arn);
    }

    void disable(String arn) {
        disabled.add(arn);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    KmsClient client() {
        return KmsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- protocol ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, Object> request =
                    Json.parseObject(new String(body, StandardCharsets.UTF_8));
            Object result;
            try {
                if ("TrentService.GenerateDataKey".equals(target)) {
                    result = generateDataKey(request);
                } else if ("TrentService.Decrypt".equals(target)) {
                    result = decrypt(request);
                } else {
                    throw new KmsError(
                            "UnsupportedOperationException",
                            "fake KMS does not implement " + target);
                }
            } catch (KmsError e) {
                respond(
                        exchange,
                        400,
                        Json.write(Map.of("__type", e.type, "message", e.getMessage())));
                return;
            }
            respond(exchange, 200, Json.write(result));
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final class KmsError extends Exception {
        private static final long serialVersionUID = 1L;
        final String type;

        KmsError(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    private String resolve(Object keyId) throws KmsError {
        String id = String.valueOf(keyId);
        String arn = keys.containsKey(id) ? id : aliases.get(id);
        if (arn == null) {
            throw new KmsError("NotFoundException", "Key '" + id + "' does not exist");
        }
        if (disabled.contains(arn)) {
            throw new KmsError("DisabledException", arn + " is disabled.");
        }
        return arn;
    }

    @SuppressWarnings("unchecked")
    private static byte[] contextBytes(Object context) {
        Map<String, String> c = context == null ? Map.of() : (Map<String, String>) context;
        return Aead.context(c);
    }

    private Object generateDataKey(Map<String, Object> request) throws KmsError {
        generateCalls.incrementAndGet();
        String arn = resolve(request.get("KeyId"));
        if (!"AES_256".equals(request.get("KeySpec"))) {
            throw new KmsError("ValidationException", "KeySpec must be AES_256");
        }
        contexts.add(
                request.get("EncryptionContext") == null
                        ? Map.of()
                        : asMap(request.get("EncryptionContext")));
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] sealed =
                Aead.seal(
                        keys.get(arn),
                        nonce,
                        dataKey,
                        contextBytes(request.get("EncryptionContext")));
        byte[] arnBytes = arn.getBytes(StandardCharsets.UTF_8);
        ByteBuffer blob = ByteBuffer.allocate(2 + arnBytes.length + nonce.length + sealed.length);
        blob.putShort((short) arnBytes.length).put(arnBytes).put(nonce).put(sealed);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("CiphertextBlob", Base64.getEncoder().encodeToString(blob.array()));
        out.put("Plaintext", Base64.getEncoder().encodeToString(dataKey));
        out.put("KeyId", arn);
        return out;
    }

    private Object decrypt(Map<String, Object> request) throws KmsError {
        decryptCalls.incrementAndGet();
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(String.valueOf(request.get("CiphertextBlob")));
        } catch (IllegalArgumentException e) {
            throw new KmsError("InvalidCiphertextException", "not base64");
        }
        ByteBuffer in = ByteBuffer.wrap(blob);
        if (blob.length < 2) {
            throw new KmsError("InvalidCiphertextException", "too short");
        }
        int n = in.getShort() & 0xffff;
        if (in.remaining() < n + 12 + 16) {
            throw new KmsError("InvalidCiphertextException", "truncated");
        }
        byte[] arnBytes = new byte[n];
        in.get(arnBytes);
        String arn = new String(arnBytes, StandardCharsets.UTF_8);
        if (!keys.containsKey(arn)) {
            throw new KmsError("InvalidCiphertextException", "unknown key in ciphertext");
        }
        if (request.get("KeyId") != null && !resolve(request.get("KeyId")).equals(arn)) {
            throw new KmsError(
                    "IncorrectKeyException",
                    "The key ID in the request does not identify the key that "
                            + "encrypted the ciphertext.");
        }
        if (disabled.contains(arn)) {
            throw new KmsError("DisabledException", arn + " is disabled.");
        }
        byte[] nonce = new byte[12];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        byte[] dataKey;
        try {
            dataKey =
                    Aead.open(
                            keys.get(arn),
                            nonce,
                            sealed,
                            contextBytes(request.get("EncryptionContext")));
        } catch (AEADBadTagException e) {
            throw new KmsError("InvalidCiphertextException", "");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("KeyId", arn);
        out.put("Plaintext", Base64.getEncoder().encodeToString(dataKey));
        out.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** Just enough JSON for the KMS protocol: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Map<String, Object> parseObject(String text) {
            if (text.isBlank()) {
                return Map.of();
            }
            Json j = new Json(text);
            Object v = j.value();
            j.ws();
            if (j.i != text.length() || !(v instanceof Map)) {
                throw new IllegalArgumentException("not a JSON object: " + text);
            }
            return asMap(v);
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(word);
            };
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            i++;
            return out.toString();
        }

        static String write(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof Map<?, ?> m) {
                StringBuilder out = new StringBuilder("{");
                m.forEach(
                        (k, value) -> {
                            if (out.length() > 1) {
                                out.append(',');
                            }
                            out.append(quote(String.valueOf(k))).append(':').append(write(value));
                        });
                return out.append('}').toString();
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            return quote(v.toString());
        }

        private static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
