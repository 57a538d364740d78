package ru.msed.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The password rules: at least {@value #MIN_LENGTH} characters, letters and digits, not containing
 * the login, the surname or the organization's name or code, not the same as the current password,
 * not one of the common passwords ({@value #COMMON_PASSWORDS}, also with digits or signs around it and
 * Russian typed in the Latin layout) and not a trivial pattern (repeated characters, sequences,
 * keyboard rows). Also issues temporary passwords that satisfy them.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final String COMMON_PASSWORDS = "passwords/common-passwords.txt";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    /** Sequences people walk along: alphabets, digits, keyboard rows, columns and zigzags (both directions count). */
    private static final List<String> SEQUENCES = List.of("abcdefghijklmnopqrstuvwxyz", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
            "01234567890", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю.",
            "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/", "1йфя", "2цыч", "3увс", "4кам",
            "5епи", "6нрт", "7гоь", "8шлб", "9щдю", "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0", "1й2ц3у4к5е6н7г8ш9щ0з",
            "!@#$%^&*()_+", "!\"№;%:?*()_+");
    private static final List<String> SEQUENCES_BOTH_WAYS = SEQUENCES.stream()
            .flatMap(s -> java.util.stream.Stream.of(s, new StringBuilder(s).reverse().toString())).toList();
    private static final Map<Character, Character> LATIN_KEY = new HashMap<>();

    static {
        String russian = "йцукенгшщзхъфывапролджэячсмитьбюё";
        String latin = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
        for (int i = 0; i < russian.length(); i++) {
            LATIN_KEY.put(russian.charAt(i), latin.charAt(i));
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    public List<String> problems(String password, String repeat, String currentPassword, Employee employee,
            Organization organization) {
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
        if (organization != null && containsOrganization(lower, organization)) {
            problems.add("Пароль не должен содержать название или код организации.");
        }
        if (isCommon(lower)) {
            problems.add("Это один из самых распространённых паролей (их подбирают первыми): придумайте другой.");
        } else if (isTrivial(lower)) {
            problems.add("Пароль слишком простой: повторяющиеся символы, последовательности (12345, abcd) "
                    + "или ряды клавиатуры (qwerty, йцукен). Придумайте другой.");
        }
        if (password.equals(currentPassword)) {
            problems.add("Новый пароль должен отличаться от прежнего.");
        }
        return problems;
    }

    /**
     * A common password as it is, with digits or signs around it, with letters written as digits or
     * signs (p@ssw0rd), or Russian typed in the Latin layout.
     */
    boolean isCommon(String lower) {
        String core = lower.replaceAll("^[\\d\\p{Punct}\\s№]+|[\\d\\p{Punct}\\s№]+$", "");
        return common.contains(lower) || common.contains(typedInLatinLayout(lower))
                || core.length() >= 4 && (common.contains(core) || common.contains(typedInLatinLayout(core))
                        || common.contains(unleet(core)));
    }

    private static String unleet(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            plain.append(switch (c) {
                case '@', '4' -> 'a';
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return plain.toString();
    }

    /**
     * Trivial when all but two characters belong to stretches of three or more characters that walk
     * one sequence in one direction (12345, qwerty, 1qaz, йцукен) or repeat a unit of one to three
     * characters (1111, ababab, 123123), or when it has fewer than four different characters:
     * 1111111111a, qwerty12345, abcabc1234, 1qaz2wsx3edc4.
     */
    boolean isTrivial(String lower) {
        if (lower.chars().distinct().count() < 4) {
            return true;
        }
        int trivial = 0;
        int i = 0;
        while (i < lower.length()) {
            int stretch = Math.max(walk(lower, i), repetition(lower, i));
            if (stretch >= 3) {
                trivial += stretch;
                i += stretch;
            } else {
                i++;
            }
        }
        return trivial >= lower.length() - 2;
    }

    /** The longest stretch from {@code start} that is a piece of one sequence, forwards or backwards. */
    private static int walk(String text, int start) {
        int longest = 1;
        for (String sequence : SEQUENCES_BOTH_WAYS) {
            int from = sequence.indexOf(text.charAt(start));
            while (from >= 0) {
                int length = 1;
                while (start + length < text.length() && from + length < sequence.length()
                        && sequence.charAt(from + length) == text.charAt(start + length)) {
                    length++;
                }
                longest = Math.max(longest, length);
                from = sequence.indexOf(text.charAt(start), from + 1);
            }
        }
        return longest;
    }

    /** The longest stretch from {@code start} repeating a unit of one to three characters (at least twice over). */
    private static int repetition(String text, int start) {
        int longest = 1;
        for (int period = 1; period <= 3; period++) {
            int length = period;
            while (start + length < text.length() && text.charAt(start + length) == text.charAt(start + length - period)) {
                length++;
            }
            if (length >= 2 * period && length >= 3) {
                longest = Math.max(longest, length);
            }
        }
        return longest;
    }

    private static boolean containsOrganization(String lower, Organization organization) {
        List<String> names = new ArrayList<>();
        if (organization.getCode() != null && organization.getCode().length() >= 3) {
            names.add(organization.getCode().toLowerCase(Locale.ROOT));
        }
        for (String name : new String[] {organization.getShortName(), organization.getFullName()}) {
            if (name == null) {
                continue;
            }
            String compact = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (compact.length() >= 4) {
                names.add(compact);
            }
            for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 5) {
                    names.add(word);
                }
            }
        }
        return names.stream().anyMatch(name -> lower.contains(name) || lower.contains(typedInLatinLayout(name)));
    }

    /** What Russian text becomes when typed with the keyboard left in the Latin layout (пароль → gfhjkm). */
    static String typedInLatinLayout(String text) {
        StringBuilder typed = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            typed.append(LATIN_KEY.getOrDefault(c, c));
        }
        return typed.toString();
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(20_000);
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + COMMON_PASSWORDS);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String password = line.strip().toLowerCase(Locale.ROOT);
                if (!password.isEmpty() && !password.startsWith("#")) {
                    passwords.add(password);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords;
    }

    /** A random password of 12 letters and digits (at least one of each) that passes the policy, for an administrator to hand over. */
    public String temporaryPassword() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = password.toString();
            String lower = candidate.toLowerCase(Locale.ROOT);
            // A random draw can still look like a pattern (dgdgd2wsr3r3): issue only what the policy accepts.
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter)
                    && !isTrivial(lower) && !isCommon(lower)) {
                return candidate;
            }
        }
    }
}
