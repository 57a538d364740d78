package ru.msed.document;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.web.UploadedFiles;

/** What the files pages check before sending a file, so a file that is too big is refused before its upload. */
@RestController
class AttachmentLimitsController {

    record Limits(long maxBytes, int maxNameLength) {
    }

    private final AttachmentProperties properties;

    AttachmentLimitsController(AttachmentProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/attachments/limits")
    Limits limits() {
        return new Limits(properties.maxSize().toBytes(), UploadedFiles.MAX_NAME);
    }
}
