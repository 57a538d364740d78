package ru.msed.document;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.web.UserInputException;

/**
 * Related documents of a card (GOST R 7.0.97: kind, number, date, link type). Today one kind: an
 * outgoing answer names the incoming card it answers, and an answer arriving through the exchange
 * names the sender's original outgoing card. A link joins two cards of one organization.
 */
@Service
public class DocumentLinks {

    /** «в ответ на»: the document answers the linked one. */
    public static final String REPLY_TO = "REPLY_TO";

    private final JdbcTemplate jdbc;
    private final DocumentService documents;

    DocumentLinks(JdbcTemplate jdbc, DocumentService documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    /** The document answers exactly {@code question} from now on (null: it answers nothing). */
    @Transactional
    public void replyTo(long documentId, Long question) {
        if (question != null && !documents.document(documentId).getOrganizationId()
                .equals(documents.document(question).getOrganizationId())) {
            throw new UserInputException("Документ, на который дан ответ, принадлежит другой организации.");
        }
        jdbc.update("DELETE FROM document_link WHERE document_id = ? AND kind = ?", documentId, REPLY_TO);
        if (question != null) {
            jdbc.update("INSERT INTO document_link (document_id, kind, linked_document_id) VALUES (?, ?, ?)",
                    documentId, REPLY_TO, question);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Long> question(long documentId) {
        return jdbc.queryForList("SELECT linked_document_id FROM document_link WHERE document_id = ? AND kind = ?",
                Long.class, documentId, REPLY_TO).stream().findFirst();
    }

    /** The documents that answer this one, oldest first. */
    @Transactional(readOnly = true)
    public List<Document> answers(long documentId) {
        return jdbc.queryForList("""
                SELECT document_id FROM document_link WHERE linked_document_id = ? AND kind = ? ORDER BY created_at, document_id""",
                Long.class, documentId, REPLY_TO).stream().map(documents::document).toList();
    }
}
