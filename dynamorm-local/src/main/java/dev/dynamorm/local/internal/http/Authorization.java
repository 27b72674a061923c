package dev.dynamorm.local.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Authorization} checks DynamoDB makes: a request without the header is refused as
 * {@code MissingAuthenticationTokenException}, a header that is not a well-formed SigV4 header as
 * {@code InvalidSignatureException}. With signing keys configured the SigV4 signature itself is
 * verified too.
 */
final class Authorization {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    /** A refused request: HTTP status, error type and message. */
    record Refusal(String type, String message) {}

    private Authorization() {}

    /** Returns why the request is refused, or null if it may proceed. */
    static Refusal check(HttpRequest request, byte[] body, Map<String, String> keys) {
        String header = request.header("authorization");
        if (header == null || header.isBlank()) {
            return new Refusal(
                    "com.amazon.coral.service#MissingAuthenticationTokenException",
                    "Request is missing Authentication Token");
        }
        Map<String, String> params = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!header.startsWith(ALGORITHM + " ")) {
            problems.add(
                    "Authorization header requires '" + ALGORITHM + "' as the signing algorithm.");
        } else {
            for (String part : header.substring(ALGORITHM.length() + 1).split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    params.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
            for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
                if (!params.containsKey(required)) {
                    problems.add("Authorization header requires '" + required + "' parameter.");
                }
            }
            if (request.header("x-amz-date") == null && request.header("date") == null) {
                problems.add(
                        "Authorization header requires existence of either a 'X-Amz-Date' or a"
                                + " 'Date' header.");
            }
        }
        String[] scope = params.getOrDefault("Credential", "").split("/");
        if (problems.isEmpty() && scope.length != 5) {
            problems.add("Credential should be scoped to a valid region.");
        }
        if (!problems.isEmpty()) {
            return invalid(String.join(" ", problems) + " Authorization=" + header);
        }
        if (keys.isEmpty()) {
            return null;
        }
        String secret = keys.get(scope[0]);
        if (secret == null) {
            return new Refusal(
                    "com.amazon.coral.service#UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        String expected = signature(request, body, params.get("SignedHeaders"), scope, secret);
        if (expected == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII),
                        params.get("Signature")
                                .toLowerCase(Locale.ROOT)
                                .getBytes(StandardCharsets.US_ASCII))) {
            return invalid(
                    "The request signature we calculated does not match the signature you"
                            + " provided. Check your AWS Secret Access Key and signing method."
                            + " Consult the service documentation for details.");
        }
        return null;
    }

    private static Refusal invalid(String message) {
        return new Refusal("com.amazon.coral.service#InvalidSignatureException", message);
    }

    private static String signature(
            HttpRequest request, byte[] body, String signedHeaders, String[] scope, String secret) {
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            return null;
        }
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(request.method).append('\n');
        canonical.append(request.path).append('\n');
        canonical.append(request.query).append('\n');
        for (String name : signedHeaders.split(";", -1)) {
            List<String> values = new ArrayList<>();
            for (HttpRequest.Header h : request.headers) {
                if (h.name().equals(name)) {
                    values.add(h.value().replaceAll("\\s+", " "));
                }
            }
            canonical.append(name).append(':').append(String.join(",", values)).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        canonical.append(HEX.formatHex(sha256(body)));
        String scopeText = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String toSign =
                ALGORITHM
                        + "\n"
                        + amzDate
                        + "\n"
                        + scopeText
                        + "\n"
                        + HEX.formatHex(
                                sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, scope[4]);
        return HEX.formatHex(hmac(key, toSign));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
