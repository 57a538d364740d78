package ru.msed.appeal;

import java.util.Locale;

/** Who wrote the appeal and where to answer; any part may be missing (an anonymous appeal). */
record Applicant(String name, String postalAddress, String email, String phone) {

    Applicant {
        name = clean(name);
        postalAddress = clean(postalAddress);
        email = clean(email);
        phone = clean(phone);
    }

    /**
     * Name and address normalized (case, «ё», punctuation, spaces), by which the earlier appeals of the
     * same applicant are found; null without a name.
     */
    String key() {
        if (name == null) {
            return null;
        }
        return normalize(name) + "|" + (postalAddress == null ? "" : normalize(postalAddress));
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
    }
}
