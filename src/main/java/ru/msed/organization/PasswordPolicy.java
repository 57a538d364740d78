package ru.msed.organization;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The password rules: at least {@value #MIN_LENGTH} characters, letters and digits, not containing
 * the login or the surname, not the same as the current password. Also issues temporary passwords
 * that satisfy them.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();

    public List<String> problems(String password, String repeat, String currentPassword, Employee employee) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("Введите новый пароль.");
            return problems;
        }
        if (!password.equals(repeat)) {
            problems.add("Новый пароль и его повтор не совпадают.");
        }
        if (password.length() < MIN_LENGTH) {
            problems.add("Пароль должен быть не короче " + MIN_LENGTH + " символов.");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            problems.add("Пароль должен содержать буквы и цифры.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(employee.getLastName().toLowerCase(Locale.ROOT))
                || lower.contains(employee.getUserId().toLowerCase(Locale.ROOT))) {
            problems.add("Пароль не должен содержать фамилию или имя пользователя.");
        }
        if (password.equals(currentPassword)) {
            problems.add("Новый пароль должен отличаться от прежнего.");
        }
        return problems;
    }

    /** A random password of 12 letters and digits (at least one of each), for an administrator to hand over. */
    public String temporaryPassword() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter)) {
                return candidate;
            }
        }
    }
}
