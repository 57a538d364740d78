package ru.msed.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine call as the application rather than as the requesting user, for the steps only
 * the application may take (starting a diagram that users may not start); the user's
 * authentication is restored afterwards.
 */
public final class AsSystem {

    private AsSystem() {
    }

    public static <T> T run(IdentityService identity, Supplier<T> action) {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }
}
