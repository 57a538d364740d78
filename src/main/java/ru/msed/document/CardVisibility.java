package ru.msed.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;
import ru.msed.web.CurrentUser;
import ru.msed.web.NotFoundException;

/**
 * Who may see a card: the staff of its organization; a card «для служебного пользования» (DSP)
 * only the office (registrars, assistants, managers, controllers) and the people named on it —
 * who registered it, drafted, approved or executes its resolution, co-executes, approved it or signs it.
 * The card, its files, its printable copy and the search follow the same rule; a card the user may
 * not see answers "not found", so ids cannot be probed.
 */
@Component
public class CardVisibility {

    static final Set<String> OFFICE_GROUPS = Stream.of(Role.REGISTRAR, Role.ASSISTANT, Role.MANAGER, Role.CONTROLLER)
            .map(Role::groupId).collect(Collectors.toUnmodifiableSet());

    /** True where the user is named on the card {@code document.id}; every {@code ?} is the user's id. */
    private final String namedOnCard;
    private final int namedOnCardParameters;
    private final CurrentUser currentUser;
    private final OrganizationService organizations;
    private final JdbcTemplate jdbc;

    CardVisibility(CurrentUser currentUser, OrganizationService organizations, JdbcTemplate jdbc,
            List<CardParticipants> participants) {
        this.currentUser = currentUser;
        this.organizations = organizations;
        this.jdbc = jdbc;
        StringBuilder named = new StringBuilder("(document.created_by = ? OR document.signatory_user = ?");
        int parameters = 2;
        for (CardParticipants module : participants) {
            named.append("\n OR ").append(module.namedOnCard());
            parameters += module.parameters();
        }
        this.namedOnCard = named.append(")").toString();
        this.namedOnCardParameters = parameters;
    }

    /** The employee behind the request and whether they see every DSP card of their organization. */
    public record Viewer(String userId, long organizationId, boolean seesRestricted) {
    }

    /** The employee behind the request, if the user is one; office roles come from the request's authentication. */
    @Transactional(readOnly = true)
    public Optional<Viewer> viewer() {
        boolean office = currentUser.groupIds().stream().anyMatch(OFFICE_GROUPS::contains);
        return organizations.findEmployee(currentUser.userId())
                .map(employee -> new Viewer(employee.getUserId(), employee.getOrganizationId(), office));
    }

    /** Refuses, as "not found", a card the current user may not see. */
    @Transactional(readOnly = true)
    public void require(Document document) {
        NotFoundException notFound = new NotFoundException("Документ " + document.getId() + " не найден.");
        Viewer viewer = viewer().orElseThrow(() -> notFound);
        if (viewer.organizationId() != document.getOrganizationId()) {
            throw notFound;
        }
        if (document.getAccessLevel() == AccessLevel.DSP && !viewer.seesRestricted()) {
            Object[] parameters = new Object[namedOnCardParameters + 1];
            Arrays.fill(parameters, viewer.userId());
            parameters[namedOnCardParameters] = document.getId();
            Boolean named = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM document WHERE " + namedOnCard
                    + " AND document.id = ?)", Boolean.class, parameters);
            if (!Boolean.TRUE.equals(named)) {
                throw notFound;
            }
        }
    }

    /** The search's condition for a viewer who does not see every DSP card, and its parameters. */
    String searchCondition(Viewer viewer, List<Object> args) {
        if (viewer.seesRestricted()) {
            return "";
        }
        for (int i = 0; i < namedOnCardParameters; i++) {
            args.add(viewer.userId());
        }
        return " AND (document.access_level IS DISTINCT FROM 'DSP' OR " + namedOnCard + ")";
    }
}
