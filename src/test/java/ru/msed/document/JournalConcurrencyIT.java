package ru.msed.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msed.MsedIntegrationTest;

/** Numbers under concurrent registration on PostgreSQL: no duplicates, no gaps. */
@MsedIntegrationTest
class JournalConcurrencyIT {

    @Autowired
    DocumentService documents;

    @Test
    void twoHundredParallelRegistrationsGetTwoHundredConsecutiveNumbers() throws Exception {
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            drafts.add(documents.createDraft(DocumentKind.INCOMING, "registrar").getId());
        }
        RegistrationCard card = new RegistrationCard(LocalDate.now(), "Администрация района", "1", null, null, null,
                "Параллельная регистрация", DeliveryMethod.POST, 1, AccessLevel.GENERAL, "GENERAL");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Document>> registered = new ArrayList<>();
        for (Long id : drafts) {
            registered.add(pool.submit((Callable<Document>) () -> documents.register(id, card, "registrar")));
        }
        List<Integer> sequences = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Future<Document> future : registered) {
            Document document = future.get();
            sequences.add(document.getSequenceNumber());
            numbers.add(document.getRegistrationNumber());
        }
        pool.shutdown();

        assertThat(numbers).doesNotHaveDuplicates().hasSize(200);
        int first = sequences.stream().min(Integer::compare).orElseThrow();
        assertThat(sequences).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(first, first + 200).boxed().toList());
    }
}
