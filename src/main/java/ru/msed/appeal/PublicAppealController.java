package ru.msed.appeal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.msed.organization.OrganizationService;
import ru.msed.web.UserInputException;

/**
 * The public appeal form's only endpoints ({@code /public-api/appeals}, no login): its settings and the
 * submission. Everything is checked here — the text's length, the files' number, size, type and content,
 * the consent, the honeypot and the fill time — before anything is created; the answer never echoes
 * what was sent. The rate limit and the response headers are {@link PublicAppealFilter}'s.
 */
@RestController
class PublicAppealController {

    private static final Logger log = LoggerFactory.getLogger(PublicAppealController.class);
    static final String ACCEPTED = "Обращение принято. После регистрации (не позднее трёх дней) на указанный адрес "
            + "электронной почты придёт его номер.";

    private final AppealIntake intake;
    private final OrganizationService organizations;
    private final AppealProperties properties;
    private final FormTokens tokens;

    PublicAppealController(AppealIntake intake, OrganizationService organizations, AppealProperties properties,
            FormTokens tokens) {
        this.intake = intake;
        this.organizations = organizations;
        this.properties = properties;
        this.tokens = tokens;
    }

    record Settings(List<Map<String, String>> organizations, int maxTextLength, int maxFiles, long maxFileSizeMb,
            List<String> fileTypes, String token) {
    }

    @GetMapping("/public-api/appeals/settings")
    Settings settings() {
        AppealProperties.Online online = properties.online();
        return new Settings(organizations.directory().stream()
                .map(o -> Map.of("code", o.getCode(), "name", o.getShortName())).toList(),
                online.maxTextLength(), online.maxFiles(), online.maxFileSize().toMegabytes(), online.fileTypes(),
                tokens.issue());
    }

    @PostMapping(path = "/public-api/appeals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, String>> submit(@RequestParam(required = false) String organization,
            @RequestParam(required = false) String lastName, @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String patronymic, @RequestParam(required = false) String postalAddress,
            @RequestParam(required = false) String email, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String text, @RequestParam(required = false) String consent,
            @RequestParam(required = false) String website, @RequestParam(required = false) String token,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
        if (website != null && !website.isEmpty()) {
            // The honeypot: a person never sees the field. Answer as to anyone, create nothing.
            log.warn("Public appeal with the honeypot filled in dropped");
            return accepted();
        }
        AppealProperties.Online online = properties.online();
        List<String> problems = new ArrayList<>();
        if (!tokens.valid(token, online.minFillTime())) {
            problems.add("Форма устарела или отправлена слишком быстро: обновите страницу и отправьте её ещё раз.");
        }
        if (organization == null || organizations.findOrganization(organization).isEmpty()) {
            problems.add("Выберите орган власти, которому адресовано обращение.");
        }
        if (blank(lastName) || blank(firstName)) {
            problems.add("Укажите фамилию и имя.");
        } else if ((lastName + firstName + (patronymic == null ? "" : patronymic)).length() > 280) {
            problems.add("Фамилия, имя и отчество длиннее 280 символов.");
        }
        if (blank(email) || !Appeals.EMAIL.matcher(email.strip()).matches() || email.length() > 200) {
            problems.add("Укажите адрес электронной почты: на него придёт номер обращения и ответ.");
        }
        if (postalAddress != null && postalAddress.length() > 500) {
            problems.add("Почтовый адрес длиннее 500 символов.");
        }
        if (phone != null && phone.length() > 50) {
            problems.add("Телефон длиннее 50 символов.");
        }
        if (blank(text)) {
            problems.add("Напишите текст обращения.");
        } else if (text.strip().length() > online.maxTextLength()) {
            problems.add("Текст обращения длиннее " + online.maxTextLength() + " символов.");
        }
        if (!"true".equals(consent)) {
            problems.add("Нужно согласие на обработку персональных данных: без него обращение не может быть рассмотрено.");
        }
        List<AppealIntake.IncomingFile> incoming = files(files == null ? List.of() : files, online, problems);
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        String name = String.join(" ", lastName.strip(), firstName.strip(), patronymic == null ? "" : patronymic.strip()).strip();
        intake.receive(organization, AppealChannel.ONLINE, new Applicant(name, postalAddress, email.strip(), phone),
                text.strip(), incoming, "интернет-приёмная");
        return accepted();
    }

    private static List<AppealIntake.IncomingFile> files(List<MultipartFile> files, AppealProperties.Online online,
            List<String> problems) throws IOException {
        List<MultipartFile> sent = files.stream().filter(file -> !file.isEmpty()).toList();
        if (sent.size() > online.maxFiles()) {
            problems.add("Можно приложить не больше " + online.maxFiles() + " файлов.");
            return List.of();
        }
        List<AppealIntake.IncomingFile> incoming = new ArrayList<>();
        for (MultipartFile file : sent) {
            String name = AttachmentTypes.safeName(file.getOriginalFilename());
            if (file.getSize() > online.maxFileSize().toBytes()) {
                problems.add("Файл «" + name + "» больше " + online.maxFileSize().toMegabytes() + " МБ.");
                continue;
            }
            byte[] content = file.getBytes();
            String type = online.fileTypes().contains(AttachmentTypes.extension(name)) ? AttachmentTypes.typeOf(name, content) : null;
            if (name.isEmpty() || type == null) {
                problems.add("Файл «" + name + "»: допускаются только " + String.join(", ", online.fileTypes())
                        + ", и содержимое должно соответствовать расширению.");
                continue;
            }
            incoming.add(new AppealIntake.IncomingFile(name, type, content));
        }
        return incoming;
    }

    private static ResponseEntity<Map<String, String>> accepted() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", ACCEPTED));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
