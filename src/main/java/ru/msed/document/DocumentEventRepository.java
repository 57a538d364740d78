package ru.msed.document;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentEventRepository extends JpaRepository<DocumentEvent, Long> {

    List<DocumentEvent> findByDocumentIdOrderById(Long documentId);
}
