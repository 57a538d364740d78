package ru.msed.document;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.msed.web.CurrentUser;
import ru.msed.web.UploadedFiles;

/** Upload, list and download of a document's files (scans and electronic originals), streamed both ways. */
@RestController
@RequestMapping("/api/documents/{documentId}/attachments")
class AttachmentController {

    private static final Logger log = LoggerFactory.getLogger(AttachmentController.class);

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

    /** The container has spooled the part to a temporary file; from there it streams into the store. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentInfo> upload(@PathVariable long documentId, @RequestParam("file") MultipartFile file)
            throws IOException {
        checkAccess(documentId);
        String name = UploadedFiles.name(file.getOriginalFilename());
        try (InputStream content = file.getInputStream()) {
            AttachmentInfo saved = attachments.add(documentId, name, UploadedFiles.contentType(file.getContentType(), name),
                    content, currentUser.userId());
            return ResponseEntity.status(HttpStatus.CREATED).body(saved);
        }
    }

    @GetMapping
    List<AttachmentInfo> list(@PathVariable long documentId) {
        checkAccess(documentId);
        return attachments.list(documentId);
    }

    /**
     * The bytes with Content-Length; one {@code Range} (resume, PDF viewers) answers 206. A whole
     * read is checked against the SHA-256 as it streams: a mismatch breaks the response off before
     * its last bytes (so no client takes it for complete), is logged, and refuses the file from then on.
     */
    @GetMapping("/{attachmentId}")
    void download(@PathVariable long documentId, @PathVariable long attachmentId,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) String rangeHeader,
            @RequestHeader(value = HttpHeaders.IF_RANGE, required = false) String ifRange,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        checkAccess(documentId);
        AttachmentService.StoredFile file = attachments.download(documentId, attachmentId);
        AttachmentInfo info = file.info();
        long size = info.sizeBytes();
        String etag = "\"" + info.sha256() + "\"";
        HttpRange range = null;
        if (rangeHeader != null && (ifRange == null || ifRange.equals(etag))) {
            try {
                List<HttpRange> ranges = HttpRange.parseRanges(rangeHeader);
                // Several ranges at once (multipart/byteranges) are answered with the whole file.
                range = ranges.size() == 1 ? ranges.get(0) : null;
                if (range != null && range.getRangeStart(size) > range.getRangeEnd(size)) {
                    throw new IllegalArgumentException("empty range");
                }
            } catch (IllegalArgumentException e) {
                response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                return;
            }
        }
        long start = range == null ? 0 : range.getRangeStart(size);
        long length = range == null ? size : range.getRangeEnd(size) - start + 1;
        // Opened before any header: a missing file still answers with a problem, not a broken 200.
        try (InputStream content = range == null ? file.open() : attachments.open(file, start, length)) {
            response.setStatus(range == null ? HttpStatus.OK.value() : HttpStatus.PARTIAL_CONTENT.value());
            response.setContentType(UploadedFiles.servable(info.contentType()).toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(info.fileName(), StandardCharsets.UTF_8).build().toString());
            response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader("Digest", "sha-256=" + info.sha256());
            response.setContentLengthLong(length);
            if (range != null) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + (start + length - 1) + "/" + size);
            }
            if ("HEAD".equals(request.getMethod())) {
                return;
            }
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            // A read error (the store, or a checksum mismatch, already logged and recorded) is thrown on: the
            // container then closes the connection short of Content-Length, so no client takes it for complete.
            while ((n = content.read(buffer)) >= 0) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    // The client went away (a cancelled download, a viewer that has seen enough): nothing to answer.
                    log.debug("Download of attachment {} broken off by the client: {}", attachmentId, e.toString());
                    return;
                }
            }
        }
    }

    private void checkAccess(long documentId) {
        visibility.require(documents.document(documentId));
    }
}
