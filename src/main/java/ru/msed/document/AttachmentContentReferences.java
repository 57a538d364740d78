package ru.msed.document;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.msed.content.ContentReferences;

/** The document's files are what names stored keys: told to the content store's sweep. */
@Component
class AttachmentContentReferences implements ContentReferences {

    private final JdbcTemplate jdbc;

    AttachmentContentReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referenced(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT content_key FROM attachment WHERE content_key = ANY (?)",
                String.class, (Object) keys.toArray(String[]::new)));
    }

    @Override
    public List<String> keysAfter(String after, int limit) {
        // The index on content_key (COLLATE "C") gives them in the store's byte order.
        return jdbc.queryForList("SELECT DISTINCT content_key FROM attachment WHERE content_key > ? ORDER BY content_key LIMIT ?",
                String.class, after, limit);
    }

    @Override
    public String describe(String key) {
        List<String> files = jdbc.queryForList("""
                SELECT 'документ ' || document_id || ', файл «' || file_name || '», версия ' || version || ' (вложение ' || id || ')'
                FROM attachment WHERE content_key = ? ORDER BY id LIMIT 5""", String.class, key);
        return files.isEmpty() ? "ни одна строка не ссылается на ключ" : String.join("; ", files);
    }
}
