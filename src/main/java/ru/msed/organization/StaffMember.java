package ru.msed.organization;

/** A member of staff as a drop-down lists them: the login, «Фамилия И. О.» and the position. */
public record StaffMember(String userId, String shortName, String position) {
}
