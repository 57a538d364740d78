package ru.msed.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A member of staff; {@code userId} is their Camunda user id, the name used in tasks and history. */
@Entity
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long organizationId;
    private Long departmentId;
    private String userId;
    private String lastName;
    private String firstName;
    private String patronymic;
    private String position;
    private boolean enabled = true;
    private boolean mustChangePassword;
    private java.time.Instant passwordChangedAt;
    /** The random id by which the anonymous login lists name this person (never the login). */
    @jakarta.persistence.Column(updatable = false)
    private java.util.UUID publicId = java.util.UUID.randomUUID();

    protected Employee() {
    }

    public Employee(Long organizationId, Long departmentId, String userId, String lastName, String firstName,
            String patronymic, String position) {
        this.organizationId = organizationId;
        this.departmentId = departmentId;
        this.userId = userId;
        this.lastName = lastName;
        this.firstName = firstName;
        this.patronymic = patronymic;
        this.position = position;
    }

    /** «Иванов И. И.» — the form in which surnames appear in resolutions and lists. */
    public String shortName() {
        return shortName(lastName, firstName, patronymic);
    }

    /** «Фамилия И. О.», as cards, forms and lists name staff. */
    static String shortName(String lastName, String firstName, String patronymic) {
        StringBuilder name = new StringBuilder(lastName).append(' ').append(firstName.charAt(0)).append('.');
        if (patronymic != null && !patronymic.isBlank()) {
            name.append(' ').append(patronymic.charAt(0)).append('.');
        }
        return name.toString();
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    /** An administrator issued the password: the user must replace it at the next login. */
    void passwordIssued() {
        this.mustChangePassword = true;
    }

    void passwordChanged(java.time.Instant at) {
        this.mustChangePassword = false;
        this.passwordChangedAt = at;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public java.util.UUID getPublicId() {
        return publicId;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getUserId() {
        return userId;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getPatronymic() {
        return patronymic;
    }

    public String getPosition() {
        return position;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
