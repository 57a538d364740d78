package ru.msed.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    @Query("""
            select new ru.msed.document.AttachmentInfo(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256,
                   a.uploadedBy, a.uploadedAt, a.version)
            from Attachment a where a.documentId = :documentId order by a.id""")
    List<AttachmentInfo> listByDocument(Long documentId);

    Optional<Attachment> findByIdAndDocumentId(Long id, Long documentId);

    Optional<Attachment> findFirstByDocumentIdOrderByIdDesc(Long documentId);

    /** Serializes uploads to one document, so versions of a name are numbered without gaps or twins. */
    @Query(value = "SELECT id FROM document WHERE id = :documentId FOR NO KEY UPDATE", nativeQuery = true)
    Long lockDocument(Long documentId);

    @Query("select coalesce(max(a.version), 0) + 1 from Attachment a where a.documentId = :documentId and a.fileName = :fileName")
    int nextVersion(Long documentId, String fileName);
}
