package ru.msed.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A government body or subordinate organization connected to the system. */
@Entity
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String fullName;
    private String shortName;
    private String inn;
    private String ogrn;
    private String parentBody;
    private String address;
    private String responsibleName;
    private String responsiblePhone;
    private String responsibleEmail;

    protected Organization() {
    }

    public Organization(String code, String fullName, String shortName) {
        this.code = code;
        this.fullName = fullName;
        this.shortName = shortName;
    }

    /** Requisites and the person responsible for passwords, from the connection request. */
    public void describe(String inn, String ogrn, String parentBody, String address, String responsibleName,
            String responsiblePhone, String responsibleEmail) {
        this.inn = inn;
        this.ogrn = ogrn;
        this.parentBody = parentBody;
        this.address = address;
        this.responsibleName = responsibleName;
        this.responsiblePhone = responsiblePhone;
        this.responsibleEmail = responsibleEmail;
    }

    public String getInn() {
        return inn;
    }

    public String getResponsibleEmail() {
        return responsibleEmail;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getFullName() {
        return fullName;
    }

    public String getShortName() {
        return shortName;
    }
}
