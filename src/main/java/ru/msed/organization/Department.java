package ru.msed.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A structural unit; its Camunda group ({@code groupId}) is where its unassigned work waits. */
@Entity
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long organizationId;
    private String name;
    private String groupId;

    protected Department() {
    }

    public Department(Long organizationId, String name, String groupId) {
        this.organizationId = organizationId;
        this.name = name;
        this.groupId = groupId;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public String getGroupId() {
        return groupId;
    }
}
