package ru.msed.document;

import ru.msed.content.ContentProblems;

/** The database names the file but the store lacks it or holds other bytes: refused, logged, listed for support. */
public class AttachmentUnavailableException extends RuntimeException {

    private final ContentProblems.Kind kind;

    AttachmentUnavailableException(AttachmentInfo info, ContentProblems.Kind kind) {
        super(kind == ContentProblems.Kind.MISSING
                ? "Файл «" + info.fileName() + "» (версия " + info.version() + ") не найден в хранилище файлов."
                        + " Техническая поддержка видит эту ошибку в списке проблем с файлами."
                : "Файл «" + info.fileName() + "» (версия " + info.version() + ") повреждён: его содержимое не совпадает"
                        + " с контрольной суммой, записанной при загрузке. Техническая поддержка видит эту ошибку в списке"
                        + " проблем с файлами.");
        this.kind = kind;
    }

    public ContentProblems.Kind kind() {
        return kind;
    }
}
