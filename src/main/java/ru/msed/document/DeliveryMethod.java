package ru.msed.document;

/** How a document reached the organization (values of the form's «Способ доставки»). */
public enum DeliveryMethod {
    POST, COURIER, MEDO, EMAIL, FAX, IN_PERSON
}
