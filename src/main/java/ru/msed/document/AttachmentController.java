package ru.msed.document;

import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.msed.web.CurrentUser;
import ru.msed.web.UploadedFiles;

/** Upload, list and download of a document's files (scans and electronic originals). */
@RestController
@RequestMapping("/api/documents/{documentId}/attachments")
class AttachmentController {

    private final AttachmentService attachments;
    private final DocumentService documents;
    private final CurrentUser currentUser;
    private final CardVisibility visibility;

    AttachmentController(AttachmentService attachments, DocumentService documents, CurrentUser currentUser,
            CardVisibility visibility) {
        this.visibility = visibility;
        this.attachments = attachments;
        this.documents = documents;
        this.currentUser = currentUser;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentInfo> upload(@PathVariable long documentId, @RequestParam("file") MultipartFile file)
            throws IOException {
        checkAccess(documentId);
        String name = UploadedFiles.name(file.getOriginalFilename());
        AttachmentInfo saved = attachments.add(documentId, name, UploadedFiles.contentType(file.getContentType(), name),
                file.getBytes(), currentUser.userId());
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @GetMapping
    List<AttachmentInfo> list(@PathVariable long documentId) {
        checkAccess(documentId);
        return attachments.list(documentId);
    }

    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long documentId, @PathVariable long attachmentId) {
        checkAccess(documentId);
        AttachmentService.StoredFile file = attachments.download(documentId, attachmentId);
        return ResponseEntity.ok()
                .contentType(UploadedFiles.servable(file.info().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("Digest", "sha-256=" + file.info().sha256())
                .body(file.content());
    }

    private void checkAccess(long documentId) {
        visibility.require(documents.document(documentId));
    }
}
