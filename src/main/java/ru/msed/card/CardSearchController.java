package ru.msed.card;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.document.CardSearch;
import ru.msed.document.CardVisibility;
import ru.msed.document.CardSearch.Criteria;
import ru.msed.document.CardSearch.Hit;
import ru.msed.web.ForbiddenException;

/** {@code GET /api/documents?q=…}: card search among the cards the user may see ({@link CardVisibility}). */
@RestController
class CardSearchController {

    private final CardSearch search;
    private final CardVisibility visibility;

    CardSearchController(CardSearch search, CardVisibility visibility) {
        this.search = search;
        this.visibility = visibility;
    }

    @GetMapping("/api/documents")
    List<Hit> search(@RequestParam(required = false) String q, @RequestParam(required = false) String number,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String correspondent, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        CardVisibility.Viewer viewer = visibility.viewer()
                .orElseThrow(() -> new ForbiddenException("Поиск документов доступен сотрудникам организаций."));
        return search.search(viewer, new Criteria(q, number, from, to, correspondent, page, size));
    }
}
