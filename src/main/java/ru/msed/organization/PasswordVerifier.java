package ru.msed.organization;

/**
 * Checks a user's password inside the application (the current password on a change), the way every
 * login is checked — throttled after wrong guesses. Implemented by the security module, which owns
 * logins; the organization module only asks.
 */
public interface PasswordVerifier {

    /** Whether the password is the user's; refuses while that user's checks from this address are paused. */
    boolean matches(String userId, String password, String purpose);
}
