package ru.msed.security;

import ru.msed.organization.PasswordVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.msed.web.TooManyAttemptsException;

/**
 * Password checks inside the application (the current password on a change, the password that makes a
 * simple electronic signature) go through the {@link LoginThrottle} like every login, so a stolen
 * session cannot be used to guess its owner's password.
 */
@Component
public class PasswordChecks implements PasswordVerifier {

    private final IdentityService identity;
    private final LoginThrottle throttle;

    PasswordChecks(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    /** Whether the password is the user's; throws {@link TooManyAttemptsException} while checks are paused. */
    @Override
    public boolean matches(String userId, String password, String channel) {
        String address = clientAddress();
        Optional<Duration> paused = throttle.refuseIfPaused(userId, address, channel);
        if (paused.isPresent()) {
            throw new TooManyAttemptsException("Проверка пароля для этой учётной записи с вашего адреса приостановлена "
                    + "после неверных паролей. Повторите через " + Problems.retryAfterSeconds(paused.get()) + " с.",
                    paused.get());
        }
        boolean matches = password != null && identity.checkPassword(userId, password);
        if (matches) {
            throttle.succeeded(userId, address);
        } else {
            throttle.failed(userId, address, channel);
        }
        return matches;
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "internal";
    }
}
