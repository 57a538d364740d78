package ru.msed.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentHistory;

/**
 * Hands queued notifications to the senders: each in a transaction of its own (one failure holds
 * up no other), locked so that another node skips it. The sender's process takes «зарегистрирован»
 * or «отказано» if it waits for it ({@link AnswerReceiver}); every notification goes into the sender
 * card's history and timeline. A failure (say the sender's process is busy) is retried with growing
 * pauses; after the last attempt support sees it as failed and may send it again.
 */
@Component
public class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);
    private static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3));
    private static final int BATCH = 50;

    private final ExchangePackages packages;
    private final AnswerReceiver receiver;
    private final DocumentHistory history;
    private final TransactionTemplate transaction;
    private final ExchangeProperties properties;
    private final Clock clock;

    NoticeDelivery(ExchangePackages packages, AnswerReceiver receiver, DocumentHistory history, TransactionTemplate transaction,
            ExchangeProperties properties, Clock clock) {
        this.packages = packages;
        this.receiver = receiver;
        this.history = history;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Delivers everything due now; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        while (true) {
            List<Long> due = packages.dueNotices(Instant.now(clock), BATCH);
            int before = delivered;
            for (long id : due) {
                delivered += deliver(id) ? 1 : 0;
            }
            if (due.size() < BATCH || delivered == before) {
                return delivered;
            }
        }
    }

    private boolean deliver(long id) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> deliverLocked(id)));
        } catch (RuntimeException e) {
            transaction.executeWithoutResult(status -> {
                ExchangeNotice notice = packages.notice(id);
                boolean last = notice.attempts() + 1 >= properties.noticeMaxAttempts();
                Duration pause = RETRY_DELAYS.get(Math.min(notice.attempts(), RETRY_DELAYS.size() - 1));
                packages.failed(id, e.getMessage(), Instant.now(clock).plus(pause), last);
                log.warn("Exchange notice {} not delivered (attempt {}{}): {}", id, notice.attempts() + 1,
                        last ? ", given up" : "", e.toString());
            });
            return false;
        }
    }

    private boolean deliverLocked(long id) {
        Optional<ExchangeNotice> locked = packages.lockQueued(id);
        if (locked.isEmpty()) {
            return false;
        }
        ExchangeNotice notice = locked.get();
        ExchangePackage p = packages.get(notice.packageId());
        boolean awaited = p.senderProcessInstanceId() != null && receiver.receive(
                new AnswerReceiver.Answer(p.senderProcessInstanceId(), p.recipientCode(), notice.kind(), notice.details()));
        if (p.senderDocumentId() != null) {
            history.record(p.senderDocumentId(), ExchangeService.ACTOR, DocumentAction.EXCHANGE_NOTICE_RECEIVED,
                    p.recipientName() + ": «" + notice.kind().label() + "»"
                            + (notice.details() == null ? "" : ", " + notice.details()));
        }
        packages.delivered(id, ExchangeNotice.Status.DELIVERED, Instant.now(clock));
        log.debug("Exchange notice {} ({}) delivered, awaited by the sender's process: {}", id, notice.kind(), awaited);
        return true;
    }

    /** Notifications that could not be delivered, for support. */
    public List<ExchangeNotice> failed() {
        return packages.noticesWithStatus(ExchangeNotice.Status.FAILED);
    }

    /** Support sends a failed notification again. */
    public boolean retry(long id) {
        return Boolean.TRUE.equals(transaction.execute(status -> packages.requeue(id, Instant.now(clock))));
    }
}
