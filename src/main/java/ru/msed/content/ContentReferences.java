package ru.msed.content;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The rows that name stored keys, told by the feature that owns them (the document's files). */
public interface ContentReferences {

    /** Which of {@code keys} some row names. */
    Set<String> referenced(Collection<String> keys);

    /** The distinct referenced keys after {@code after} (exclusive, "" for the first), ascending, at most {@code limit}. */
    List<String> keysAfter(String after, int limit);

    /** What names the key, for support: e.g. «документ 12, файл «скан.pdf», версия 2». */
    String describe(String key);
}
