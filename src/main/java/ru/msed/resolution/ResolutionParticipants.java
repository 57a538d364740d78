package ru.msed.resolution;

import org.springframework.stereotype.Component;
import ru.msed.document.CardParticipants;

/**
 * Who drafted or approved a card's resolution, is its responsible executor or a co-executor — which
 * also covers everyone with an assignment, since a resolution's assignments are exactly its executors'.
 */
@Component
class ResolutionParticipants implements CardParticipants {

    @Override
    public String namedOnCard() {
        return """
                EXISTS (SELECT 1 FROM resolution r WHERE r.document_id = document.id
                        AND (r.drafted_by = ? OR r.approved_by = ? OR r.responsible_executor = ?
                             OR EXISTS (SELECT 1 FROM resolution_co_executor c WHERE c.resolution_id = r.id AND c.user_id = ?)))""";
    }
}
