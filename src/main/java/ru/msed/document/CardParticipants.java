package ru.msed.document;

/**
 * A module that names people on a card (resolutions, assignments, visas …) tells the card's
 * visibility rule who they are, with an SQL condition over its own tables — so the rule stays one
 * query and no module reads another's tables.
 */
public interface CardParticipants {

    /**
     * A condition true where the user is named on the card {@code document.id}; every {@code ?} is
     * that user's id.
     */
    String namedOnCard();

    default int parameters() {
        return (int) namedOnCard().chars().filter(c -> c == '?').count();
    }
}
