package ru.msed.connection;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.msed.web.CurrentUser;
import ru.msed.web.UploadedFiles;

/**
 * Connection requests over HTTP: the template and the one-time credentials link are public
 * ({@code /onboarding-api}); submitting, correcting and reading a request need a login ({@code /api}).
 */
@RestController
class ConnectionRequestController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ConnectionRequests requests;
    private final ConnectionTemplate template;
    private final CurrentUser currentUser;

    ConnectionRequestController(ConnectionRequests requests, ConnectionTemplate template, CurrentUser currentUser) {
        this.requests = requests;
        this.template = template;
        this.currentUser = currentUser;
    }

    record RequestView(Long id, String status, String organizationCode, String workbookName, List<String> problems,
            long pausedSeconds, String decisionReason) {
    }

    @GetMapping("/onboarding-api/template.xlsx")
    ResponseEntity<byte[]> template() {
        return file(template.workbook(), "zayavka-msed.xlsx", XLSX);
    }

    @GetMapping("/onboarding-api/credentials/{token}")
    ResponseEntity<byte[]> credentials(@PathVariable String token) {
        ResponseEntity<byte[]> response = file(requests.downloadCredentials(token), "uchetnye-zapisi-msed.xlsx", XLSX);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(response.getBody());
    }

    @PostMapping(path = "/api/onboarding/requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> submit(@RequestParam("workbook") MultipartFile workbook,
            @RequestParam("letter") MultipartFile letter,
            @RequestParam(value = "signature", required = false) MultipartFile signature) throws IOException {
        String workbookName = UploadedFiles.name(workbook.getOriginalFilename());
        String letterName = letter.getOriginalFilename() == null || letter.getOriginalFilename().isBlank() ? "letter"
                : UploadedFiles.name(letter.getOriginalFilename());
        ConnectionRequest request = requests.submit(currentUser.userId(), workbookName, workbook.getBytes(),
                letterName, UploadedFiles.contentType(letter.getContentType(), letterName), letter.getBytes(),
                signature == null ? null : signature.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", request.getId(), "status", request.getStatus()));
    }

    @PostMapping(path = "/api/onboarding/requests/{id}/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> correct(@PathVariable long id, @RequestParam("workbook") MultipartFile workbook) throws IOException {
        requests.resubmit(id, currentUser.userId(), UploadedFiles.name(workbook.getOriginalFilename()), workbook.getBytes());
        return Map.of("id", id, "status", "corrected");
    }

    @GetMapping("/api/onboarding/requests/{id}")
    RequestView view(@PathVariable long id) {
        ConnectionRequest r = requests.visibleTo(id, currentUser.userId());
        return new RequestView(r.getId(), r.getStatus().name(), r.getOrganizationCode(), r.getWorkbookName(),
                r.getProblems() == null ? List.of() : Arrays.asList(r.getProblems().split("\n")), r.getPausedSeconds(),
                r.getDecisionReason());
    }

    @GetMapping("/api/onboarding/requests/{id}/workbook")
    ResponseEntity<byte[]> workbook(@PathVariable long id) {
        return file(requests.workbook(id, currentUser.userId()), "zayavka-" + id + ".xlsx", XLSX);
    }

    @GetMapping("/api/onboarding/requests/{id}/letter")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        ConnectionRequest r = requests.visibleTo(id, currentUser.userId());
        return file(requests.letter(id, currentUser.userId()), r.getLetterName(), UploadedFiles.servable(r.getLetterType()));
    }

    private static ResponseEntity<byte[]> file(byte[] content, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
