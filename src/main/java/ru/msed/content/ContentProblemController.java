package ru.msed.content;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.web.CurrentUser;
import ru.msed.web.ForbiddenException;
import ru.msed.web.NotFoundException;

/** Technical support: files the database names that the store lacks or holds damaged; a check after a repair. */
@RestController
class ContentProblemController {

    private static final String SUPPORT_GROUP = "camunda-admin";

    private final ContentProblems problems;
    private final ContentSweep sweep;
    private final CurrentUser currentUser;

    ContentProblemController(ContentProblems problems, ContentSweep sweep, CurrentUser currentUser) {
        this.problems = problems;
        this.sweep = sweep;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/admin/files/problems")
    List<ContentProblems.Problem> list(@RequestParam(defaultValue = "false") boolean resolved) {
        requireSupport();
        return problems.list(resolved);
    }

    /** Reads the file again (after it was restored from a backup, say): the problem is resolved if it is whole. */
    @PostMapping("/api/admin/files/problems/{id}/check")
    ContentProblems.Problem check(@PathVariable long id) {
        requireSupport();
        ContentProblems.Problem problem = problems.find(id)
                .orElseThrow(() -> new NotFoundException("Проблема с файлом " + id + " не найдена."));
        sweep.check(problem.key());
        return problems.find(id).orElseThrow();
    }

    private void requireSupport() {
        if (!currentUser.groupIds().contains(SUPPORT_GROUP)) {
            throw new ForbiddenException("Список проблем с файлами доступен только технической поддержке.");
        }
    }
}
