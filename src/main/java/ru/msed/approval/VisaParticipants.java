package ru.msed.approval;

import org.springframework.stereotype.Component;
import ru.msed.document.CardParticipants;

/** Who gave a visa on the card. */
@Component
class VisaParticipants implements CardParticipants {

    @Override
    public String namedOnCard() {
        return "EXISTS (SELECT 1 FROM visa v WHERE v.document_id = document.id AND v.approver = ?)";
    }
}
