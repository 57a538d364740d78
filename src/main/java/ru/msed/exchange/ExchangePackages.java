package ru.msed.exchange;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The exchange's tables ({@code exchange_package}, {@code exchange_package_file}, {@code exchange_notice}). */
@Component
class ExchangePackages {

    private static final RowMapper<ExchangePackage> PACKAGE = ExchangePackages::mapPackage;
    private static final RowMapper<ExchangeNotice> NOTICE = ExchangePackages::mapNotice;

    private final JdbcTemplate jdbc;

    ExchangePackages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A package to insert; {@code uid} null lets the database choose one. */
    record NewPackage(UUID uid, int sequence, String senderCode, String senderDocument, String recipientCode,
            ExchangePackage.Source source, Long senderOrganizationId, String senderName, Long senderDocumentId,
            Long senderAttachmentId, String senderProcessInstanceId, Long recipientOrganizationId, String recipientName,
            String registrationNumber, LocalDate registrationDate, String summary, String signatory, Long replyToPackageId) {
    }

    /** Inserts the package unless its key exists: the new id, or empty for a package already there. */
    Optional<Long> insert(NewPackage p, Instant now) {
        return jdbc.queryForList("""
                INSERT INTO exchange_package (uid, kind, sequence, sender_code, sender_document, recipient_code, source,
                    sender_organization_id, sender_name, sender_document_id, sender_attachment_id, sender_process_instance_id,
                    recipient_organization_id, recipient_name, registration_number, registration_date, summary, signatory,
                    reply_to_package_id, created_at)
                VALUES (COALESCE(?, gen_random_uuid()), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sender_code, sender_document, recipient_code, kind, sequence) DO NOTHING
                RETURNING id""", Long.class,
                p.uid(), ExchangePackage.DOCUMENT, p.sequence(), p.senderCode(), p.senderDocument(), p.recipientCode(),
                p.source().name(), p.senderOrganizationId(), p.senderName(), p.senderDocumentId(), p.senderAttachmentId(),
                p.senderProcessInstanceId(), p.recipientOrganizationId(), p.recipientName(), p.registrationNumber(),
                p.registrationDate() == null ? null : Date.valueOf(p.registrationDate()), p.summary(), p.signatory(),
                p.replyToPackageId(), Timestamp.from(now)).stream().findFirst();
    }

    Optional<ExchangePackage> byKey(String senderCode, String senderDocument, String recipientCode, int sequence) {
        return jdbc.query("""
                SELECT * FROM exchange_package WHERE sender_code = ? AND sender_document = ? AND recipient_code = ?
                AND kind = ? AND sequence = ?""", PACKAGE, senderCode, senderDocument, recipientCode,
                ExchangePackage.DOCUMENT, sequence).stream().findFirst();
    }

    ExchangePackage get(long id) {
        return jdbc.queryForObject("SELECT * FROM exchange_package WHERE id = ?", PACKAGE, id);
    }

    Optional<ExchangePackage> byUid(UUID uid) {
        return jdbc.query("SELECT * FROM exchange_package WHERE uid = ?", PACKAGE, uid).stream().findFirst();
    }

    /** The package a card arrived in (a card arrives in at most one). */
    Optional<ExchangePackage> arrivedAs(long recipientDocumentId) {
        return jdbc.query("SELECT * FROM exchange_package WHERE recipient_document_id = ?", PACKAGE, recipientDocumentId)
                .stream().findFirst();
    }

    /** The packages a card was sent in, by recipient. */
    List<ExchangePackage> sentAs(long senderDocumentId) {
        return jdbc.query("SELECT * FROM exchange_package WHERE sender_document_id = ? ORDER BY recipient_name, id", PACKAGE,
                senderDocumentId);
    }

    /** Packages that answer these ones (an answer sent back names the package it answers). */
    List<ExchangePackage> answersTo(List<Long> packageIds) {
        if (packageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM exchange_package WHERE reply_to_package_id = ANY (?) ORDER BY id", PACKAGE,
                (Object) packageIds.toArray(Long[]::new));
    }

    /** Ties the package to the card it arrived as; false if another card has it already. */
    boolean arrive(long packageId, long recipientDocumentId, Instant now) {
        return jdbc.update("""
                UPDATE exchange_package SET recipient_document_id = ?, arrived_at = ?
                WHERE id = ? AND (recipient_document_id IS NULL OR recipient_document_id = ?)""",
                recipientDocumentId, Timestamp.from(now), packageId, recipientDocumentId) == 1;
    }

    record StoredFile(int position, String fileName, String contentType, String sha256, byte[] content,
            String signatureName, byte[] signature) {
    }

    void addFile(long packageId, StoredFile file) {
        jdbc.update("""
                INSERT INTO exchange_package_file (package_id, position, file_name, content_type, sha256, content,
                    signature_name, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                packageId, file.position(), file.fileName(), file.contentType(), file.sha256(), file.content(),
                file.signatureName(), file.signature());
    }

    List<StoredFile> files(long packageId) {
        return jdbc.query("SELECT * FROM exchange_package_file WHERE package_id = ? ORDER BY position",
                (rs, i) -> new StoredFile(rs.getInt("position"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getString("sha256"), rs.getBytes("content"), rs.getString("signature_name"), rs.getBytes("signature")),
                packageId);
    }

    /** Inserts the notice unless this package has one of this kind for this event: the new id, or empty. */
    Optional<Long> insertNotice(long packageId, NoticeKind kind, String eventKey, UUID uid, String registrationNumber,
            LocalDate registrationDate, String text, ExchangeNotice.Status status, Instant now) {
        return jdbc.queryForList("""
                INSERT INTO exchange_notice (uid, package_id, kind, event_key, registration_number, registration_date, text,
                    created_at, status, next_attempt_at, delivered_at)
                VALUES (COALESCE(?, gen_random_uuid()), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING id""", Long.class,
                uid, packageId, kind.name(), eventKey, registrationNumber,
                registrationDate == null ? null : Date.valueOf(registrationDate), text, Timestamp.from(now), status.name(),
                status == ExchangeNotice.Status.QUEUED ? Timestamp.from(now) : null,
                status == ExchangeNotice.Status.RECEIVED ? Timestamp.from(now) : null).stream().findFirst();
    }

    ExchangeNotice notice(long id) {
        return jdbc.queryForObject("SELECT * FROM exchange_notice WHERE id = ?", NOTICE, id);
    }

    List<ExchangeNotice> notices(long packageId) {
        return jdbc.query("SELECT * FROM exchange_notice WHERE package_id = ? ORDER BY created_at, id", NOTICE, packageId);
    }

    List<ExchangeNotice> notices(List<Long> packageIds) {
        if (packageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM exchange_notice WHERE package_id = ANY (?) ORDER BY created_at, id", NOTICE,
                (Object) packageIds.toArray(Long[]::new));
    }

    /** Ids of notices due for delivery now, oldest first. */
    List<Long> dueNotices(Instant now, int limit) {
        return jdbc.queryForList("""
                SELECT id FROM exchange_notice WHERE status = 'QUEUED' AND next_attempt_at <= ? ORDER BY next_attempt_at, id
                LIMIT ?""", Long.class, Timestamp.from(now), limit);
    }

    /** Locks a due notice for this transaction; empty if another node has it or it is no longer due. */
    Optional<ExchangeNotice> lockQueued(long id) {
        return jdbc.query("SELECT * FROM exchange_notice WHERE id = ? AND status = 'QUEUED' FOR UPDATE SKIP LOCKED", NOTICE, id)
                .stream().findFirst();
    }

    void delivered(long id, ExchangeNotice.Status status, Instant now) {
        jdbc.update("UPDATE exchange_notice SET status = ?, attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE id = ?",
                status.name(), Timestamp.from(now), id);
    }

    void failed(long id, String error, Instant nextAttempt, boolean last) {
        jdbc.update("""
                UPDATE exchange_notice SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, status = ?
                WHERE id = ? AND status = 'QUEUED'""",
                error == null ? null : error.substring(0, Math.min(error.length(), 1000)), Timestamp.from(nextAttempt),
                last ? ExchangeNotice.Status.FAILED.name() : ExchangeNotice.Status.QUEUED.name(), id);
    }

    List<ExchangeNotice> noticesWithStatus(ExchangeNotice.Status status) {
        return jdbc.query("SELECT * FROM exchange_notice WHERE status = ? ORDER BY id", NOTICE, status.name());
    }

    Optional<ExchangeNotice> noticeByEvent(long packageId, NoticeKind kind, String eventKey) {
        return jdbc.query("SELECT * FROM exchange_notice WHERE package_id = ? AND kind = ? AND event_key = ?", NOTICE, packageId,
                kind.name(), eventKey).stream().findFirst();
    }

    void exported(long id) {
        jdbc.update("UPDATE exchange_notice SET status = 'EXPORTED', delivered_at = COALESCE(delivered_at, now()) WHERE id = ? AND status = 'OUTBOUND'", id);
    }

    /** Notices this organization sent about packages from outside systems: what it owes them as containers. */
    List<ExchangeNotice> outboundNotices(long organizationId) {
        return jdbc.query("""
                SELECT n.* FROM exchange_notice n JOIN exchange_package p ON p.id = n.package_id
                WHERE p.recipient_organization_id = ? AND p.source = 'CONTAINER' ORDER BY n.id""", NOTICE, organizationId);
    }

    boolean requeue(long id, Instant now) {
        return jdbc.update("UPDATE exchange_notice SET status = 'QUEUED', attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'FAILED'",
                Timestamp.from(now), id) == 1;
    }

    private static ExchangePackage mapPackage(ResultSet rs, int row) throws SQLException {
        Date registered = rs.getDate("registration_date");
        Timestamp arrived = rs.getTimestamp("arrived_at");
        return new ExchangePackage(rs.getLong("id"), rs.getObject("uid", UUID.class), rs.getString("kind"), rs.getInt("sequence"),
                rs.getString("sender_code"), rs.getString("sender_document"), rs.getString("recipient_code"),
                ExchangePackage.Source.valueOf(rs.getString("source")), (Long) rs.getObject("sender_organization_id"),
                rs.getString("sender_name"), (Long) rs.getObject("sender_document_id"), (Long) rs.getObject("sender_attachment_id"),
                rs.getString("sender_process_instance_id"), (Long) rs.getObject("recipient_organization_id"),
                rs.getString("recipient_name"), (Long) rs.getObject("recipient_document_id"), rs.getString("registration_number"),
                registered == null ? null : registered.toLocalDate(), rs.getString("summary"), rs.getString("signatory"),
                (Long) rs.getObject("reply_to_package_id"), rs.getTimestamp("created_at").toInstant(),
                arrived == null ? null : arrived.toInstant());
    }

    private static ExchangeNotice mapNotice(ResultSet rs, int row) throws SQLException {
        Date registered = rs.getDate("registration_date");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new ExchangeNotice(rs.getLong("id"), rs.getObject("uid", UUID.class), rs.getLong("package_id"),
                NoticeKind.valueOf(rs.getString("kind")), rs.getString("event_key"), rs.getString("registration_number"),
                registered == null ? null : registered.toLocalDate(), rs.getString("text"),
                rs.getTimestamp("created_at").toInstant(), ExchangeNotice.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), delivered == null ? null : delivered.toInstant());
    }
}
