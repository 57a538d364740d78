package ru.msed.organization;

/** Staff roles; each is a Camunda group whose id the diagrams name in candidate groups. */
public enum Role {
    REGISTRAR("registrar", "Делопроизводители"),
    ASSISTANT("assistant", "Помощники руководителя"),
    MANAGER("manager", "Руководители"),
    EXECUTOR("executor", "Исполнители"),
    CONTROLLER("controller", "Контролёры"),
    ORGANIZATION_ADMIN("org-admin", "Администраторы организации");

    private final String groupId;
    private final String groupName;

    Role(String groupId, String groupName) {
        this.groupId = groupId;
        this.groupName = groupName;
    }

    public String groupId() {
        return groupId;
    }

    public String groupName() {
        return groupName;
    }
}
