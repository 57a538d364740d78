package ru.msed.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy: the common-password list, trivial patterns and the organization's name, in Russian. */
class PasswordPolicyTest {

    static final PasswordPolicy policy = new PasswordPolicy();
    static final Employee employee = new Employee(1L, 1L, "ivanov-ii", "Иванов", "Иван", "Иванович", "Специалист");
    static final Organization organization = new Organization("MINCIFRA",
            "Министерство цифрового развития Демонстрационной области", "Минцифры ДО");

    List<String> problems(String password) {
        return policy.problems(password, password, "Старый2026пароль", employee, organization);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwerty12345", "Password2026", "password123456789", "P@ssw0rd2025!", "йцукен2026",
            "ЙЦУКЕН123456", "ghbdtn12345", "Privet2026!", "parol123456", "Наташа2026", "Spartak2025", "1q2w3e4r5t",
            "zaq12wsx2026", "Solnyshko123", "gfhjkm123456"})
    void refusesCommonPasswordsWithDigitsAroundThemAndRussianTypedInLatin(String password) {
        assertThat(problems(password)).as(password).anySatisfy(p -> assertThat(p).contains("самых распространённых"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1111111111a", "aaaaaaaaaa1", "abcdefgh123", "1234567890z", "9876543210q", "asdfghjkl12",
            "abcabc1234", "фывапролд12", "1qaz2wsx3edc4", "qazwsxedc123", "ababab1212", "zxcvbnm,./1"})
    void refusesTrivialPatterns(String password) {
        assertThat(problems(password)).as(password)
                .anySatisfy(p -> assertThat(p).containsAnyOf("слишком простой", "самых распространённых"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Минцифры2026!", "mincifra2026x", "Цифрового7развития", "vbywbahs2026"})
    void refusesTheOrganizationsNameOrCode(String password) {
        assertThat(problems(password)).as(password).contains("Пароль не должен содержать название или код организации.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nadezhny2026parol", "Proverka2026msed", "Зелёный7слон-бежит", "kV7pLm2xQr9t", "Tri4etyre-pyat6"})
    void acceptsPasswordsThatAreNeither(String password) {
        assertThat(problems(password)).as(password).isEmpty();
    }

    @Test
    void theShippedListIsLargeAndHoldsRussianEntries() {
        assertThat(policy.isCommon("йцукен")).isTrue();
        assertThat(policy.isCommon("qwerty123")).isTrue();
        assertThat(policy.isCommon("пароль")).isTrue();
        assertThat(policy.isCommon("gfhjkm")).isTrue();
        assertThat(PasswordPolicy.typedInLatinLayout("привет")).isEqualTo("ghbdtn");
    }

    @Test
    void temporaryPasswordsPassThePolicy() {
        // Once drawn at random and refused: the generator must not hand out what the policy calls trivial.
        assertThat(policy.isTrivial("dgdgd2wsr3r3")).isTrue();
        for (int i = 0; i < 20_000; i++) {
            String temporary = policy.temporaryPassword();
            assertThat(policy.isTrivial(temporary.toLowerCase())).as(temporary).isFalse();
        }
    }
}
