package ru.msed.signature;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentSignatureRepository extends JpaRepository<DocumentSignature, Long> {

    List<DocumentSignature> findByDocumentIdOrderById(Long documentId);
}
