package ru.msed.appeal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Citizens' appeals ({@code msed.appeals.*}): the data files analysts edit, the case file appeals closed
 * without an answer go to, and the limits of the public form.
 *
 * @param topics          the thematic classifier ({@code code;name})
 * @param competentBodies the bodies appeals are forwarded to ({@code code;name;email;kind;msed_organization})
 * @param caseFile        «в дело №» of appeals the system closes itself (forwarded, left unanswered)
 * @param online          the public form at {@code /appeal.html}
 */
@ConfigurationProperties("msed.appeals")
public record AppealProperties(
        @DefaultValue("classpath:appeal/topics.csv") String topics,
        @DefaultValue("classpath:appeal/competent-bodies.csv") String competentBodies,
        @DefaultValue("Обращения граждан") String caseFile,
        @DefaultValue Online online) {

    /**
     * @param maxTextLength  the appeal's text (2,000 characters: the usual limit of web forms)
     * @param maxFiles       attachments per appeal
     * @param maxFileSize    each attachment
     * @param fileTypes      allowed extensions; the content must match the extension too
     * @param rateLimit      submissions from one address within {@code rateWindow}; more get 429
     * @param rateWindow     the rate limit's window
     * @param minFillTime    a form sent sooner after it was opened is a robot's
     */
    public record Online(
            @DefaultValue("2000") int maxTextLength,
            @DefaultValue("5") int maxFiles,
            @DefaultValue("5MB") DataSize maxFileSize,
            @DefaultValue({"pdf", "jpg", "jpeg", "png", "docx", "odt", "txt"}) List<String> fileTypes,
            @DefaultValue("5") int rateLimit,
            @DefaultValue("PT1H") Duration rateWindow,
            @DefaultValue("PT3S") Duration minFillTime) {
    }
}
