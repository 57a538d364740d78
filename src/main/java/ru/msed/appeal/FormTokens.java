package ru.msed.appeal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public form's token: when the form was opened, signed by the server. A submission without one, with
 * a forged one, older than a day or sent sooner than a person could fill the form in is refused — cheap
 * protection against scripts that post without opening the page. The key is {@code msed.appeals.online.token-key}
 * (set it alike on every node of a cluster), else random per start.
 */
@Component
class FormTokens {

    private static final Duration VALID_FOR = Duration.ofDays(1);

    private final byte[] key;
    private final Clock clock;

    FormTokens(@Value("${msed.appeals.online.token-key:}") String configured, Clock clock) {
        this.clock = clock;
        if (configured.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else {
            key = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    String issue() {
        String issued = Long.toString(Instant.now(clock).toEpochMilli());
        return issued + "." + sign(issued);
    }

    boolean valid(String token, Duration minFillTime) {
        if (token == null || token.indexOf('.') < 1) {
            return false;
        }
        String issued = token.substring(0, token.indexOf('.'));
        if (!MessageDigest.isEqual(sign(issued).getBytes(StandardCharsets.UTF_8),
                token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        try {
            Duration age = Duration.between(Instant.ofEpochMilli(Long.parseLong(issued)), Instant.now(clock));
            return age.compareTo(minFillTime) >= 0 && age.compareTo(VALID_FOR) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
