package ru.msed.document;

/** Access grif: general, or «для служебного пользования». */
public enum AccessLevel {
    GENERAL, DSP
}
