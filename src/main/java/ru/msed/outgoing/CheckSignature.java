package ru.msed.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.signature.SignatureService;
import ru.msed.web.UserInputException;

/** The signatory's task is done only when the current file version carries their valid signature. */
@Component("checkSignature")
class CheckSignature implements JavaDelegate {

    private final DocumentService documents;
    private final SignatureService signatures;

    CheckSignature(DocumentService documents, SignatureService signatures) {
        this.documents = documents;
        this.signatures = signatures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = OutgoingDocumentVariables.documentId(execution);
        var signature = signatures.currentSignature(documentId).orElseThrow(() -> new UserInputException(
                "Текущая версия файла не подписана подписантом: подпишите документ на странице подписания."));
        documents.moveTo(documentId, DocumentStatus.SIGNED, "system", DocumentAction.SIGNED,
                "Подпись проверена: " + signature.getKind());
    }
}
