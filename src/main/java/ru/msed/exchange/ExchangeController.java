package ru.msed.exchange;

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
import ru.msed.document.CardVisibility;
import ru.msed.document.DocumentService;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;
import ru.msed.organization.StaffAdministration;
import ru.msed.web.CurrentUser;
import ru.msed.web.ForbiddenException;
import ru.msed.web.NotFoundException;

/**
 * Containers for outside systems ({@code /exchange.html}): export a registered outgoing document,
 * import a container as an incoming document (registrars into their own organization, technical
 * support into any), export and import notifications; support lists and resends notifications that
 * could not be delivered inside the system.
 */
@RestController
@RequestMapping("/api/exchange")
class ExchangeController {

    private final Containers containers;
    private final NoticeDelivery delivery;
    private final DocumentService documents;
    private final CardVisibility visibility;
    private final OrganizationService organizations;
    private final CurrentUser currentUser;

    ExchangeController(Containers containers, NoticeDelivery delivery, DocumentService documents,
            CardVisibility visibility, OrganizationService organizations, CurrentUser currentUser) {
        this.containers = containers;
        this.delivery = delivery;
        this.documents = documents;
        this.visibility = visibility;
        this.organizations = organizations;
        this.currentUser = currentUser;
    }

    record OrganizationEntry(String code, String name) {
    }

    /** The directory of connected organizations (technical support imports into any of them). */
    @GetMapping("/organizations")
    List<OrganizationEntry> organizations() {
        return organizations.directory().stream().map(o -> new OrganizationEntry(o.getCode(), o.getShortName())).toList();
    }

    @GetMapping("/documents/{documentId}/container")
    ResponseEntity<byte[]> exportDocument(@PathVariable long documentId) {
        visibility.require(documents.document(documentId));
        return download(containers.exportDocument(documentId, currentUser.userId()));
    }

    /** 201 with the card the container arrived as; 200 and {@code duplicate} for a container imported before. */
    @PostMapping(path = "/containers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Containers.Imported> importDocument(@RequestParam("container") MultipartFile container,
            @RequestParam(name = "organization", required = false) String organization) throws IOException {
        String target;
        if (isSupport()) {
            if (organization == null || organization.isBlank()) {
                throw new ru.msed.web.UserInputException("Выберите организацию, в которую поступает документ.");
            }
            target = organization.strip();
        } else {
            long own = registrarOrganization();
            target = organizations.organization(own).getCode();
            if (organization != null && !organization.isBlank() && !organization.strip().equals(target)) {
                throw new ForbiddenException("Загрузить контейнер можно только во входящие своей организации.");
            }
        }
        Containers.Imported imported = containers.importDocument(container.getBytes(), target, currentUser.userId());
        return ResponseEntity.status(imported.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(imported);
    }

    /** Notifications the organization owes outside systems, to download as containers. */
    @GetMapping("/notices")
    List<ExchangeNotice> outbound() {
        return containers.outbound(registrarOrganization());
    }

    @GetMapping("/notices/{noticeId}/container")
    ResponseEntity<byte[]> exportNotice(@PathVariable long noticeId) {
        return download(containers.exportNotice(noticeId, registrarOrganization()));
    }

    @PostMapping(path = "/notices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Containers.ImportedNotice> importNotice(@RequestParam("container") MultipartFile container) throws IOException {
        Containers.ImportedNotice imported = containers.importNotice(container.getBytes(), registrarOrganization());
        return ResponseEntity.status(imported.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(imported);
    }

    @GetMapping("/notices/failed")
    List<ExchangeNotice> failed() {
        requireSupport();
        return delivery.failed();
    }

    @PostMapping("/notices/{noticeId}/retry")
    ResponseEntity<Void> retry(@PathVariable long noticeId) {
        requireSupport();
        if (!delivery.retry(noticeId)) {
            throw new NotFoundException("Недоставленное уведомление " + noticeId + " не найдено.");
        }
        return ResponseEntity.noContent().build();
    }

    /** The registrar's organization: containers and notifications are the office's work. */
    private long registrarOrganization() {
        CardVisibility.Viewer viewer = visibility.viewer()
                .orElseThrow(() -> new ForbiddenException("Контейнеры загружают и выгружают сотрудники организаций."));
        if (!currentUser.groupIds().contains(Role.REGISTRAR.groupId())) {
            throw new ForbiddenException("Контейнеры и уведомления для внешних систем обрабатывают делопроизводители.");
        }
        return viewer.organizationId();
    }

    private boolean isSupport() {
        return currentUser.groupIds().contains(StaffAdministration.SUPPORT_GROUP);
    }

    private void requireSupport() {
        if (!isSupport()) {
            throw new ForbiddenException("Недоставленные уведомления видит и отправляет заново только техническая поддержка.");
        }
    }

    private static ResponseEntity<byte[]> download(Containers.Download file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
