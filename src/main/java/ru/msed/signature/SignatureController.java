package ru.msed.signature;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.msed.document.DocumentService;
import ru.msed.document.CardVisibility;
import ru.msed.web.CurrentUser;

/** Signing a document, its signatures and printable copy, and checking any file against its signature. */
@RestController
class SignatureController {

    private final SignatureService signatures;
    private final PrintableCopy printable;
    private final DocumentService documents;
    private final CurrentUser currentUser;
    private final CardVisibility visibility;

    SignatureController(SignatureService signatures, PrintableCopy printable, DocumentService documents, CurrentUser currentUser,
            CardVisibility visibility) {
        this.visibility = visibility;
        this.signatures = signatures;
        this.printable = printable;
        this.documents = documents;
        this.currentUser = currentUser;
    }

    /** Verifies a file and its detached signature; stores and changes nothing. */
    @PostMapping(path = "/api/signatures/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SignatureVerdict verify(@RequestParam("file") MultipartFile file, @RequestParam("signature") MultipartFile signature)
            throws IOException {
        return signatures.verify(file.getBytes(), signature.getBytes());
    }

    record SimpleSignature(String password) {
    }

    @PostMapping("/api/documents/{documentId}/signatures/simple")
    Map<String, Object> signSimple(@PathVariable long documentId, @RequestBody SimpleSignature request) {
        checkAccess(documentId);
        DocumentSignature signature = signatures.signSimple(documentId, currentUser.userId(), request.password());
        return Map.of("id", signature.getId(), "kind", signature.getKind(), "fileSha256", signature.getFileSha256());
    }

    @PostMapping(path = "/api/documents/{documentId}/signatures/enhanced", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> signEnhanced(@PathVariable long documentId, @RequestParam("signature") MultipartFile signature)
            throws IOException {
        checkAccess(documentId);
        DocumentSignature saved = signatures.signEnhanced(documentId, currentUser.userId(), signature.getBytes());
        return Map.of("id", saved.getId(), "kind", saved.getKind(), "certificateOwner", saved.getCertificateOwner());
    }

    @GetMapping("/api/documents/{documentId}/signatures")
    List<DocumentSignature> list(@PathVariable long documentId) {
        checkAccess(documentId);
        return signatures.of(documentId);
    }

    @GetMapping("/api/documents/{documentId}/printable.pdf")
    ResponseEntity<byte[]> printable(@PathVariable long documentId) {
        checkAccess(documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("document-" + documentId + ".pdf")
                        .build().toString())
                .body(printable.pdf(documentId));
    }

    private void checkAccess(long documentId) {
        visibility.require(documents.document(documentId));
    }
}
