package ru.msed.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    @Query("""
            select new ru.msed.document.AttachmentInfo(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256,
                   a.uploadedBy, a.uploadedAt)
            from Attachment a where a.documentId = :documentId order by a.id""")
    List<AttachmentInfo> listByDocument(Long documentId);

    Optional<Attachment> findByIdAndDocumentId(Long id, Long documentId);
}
