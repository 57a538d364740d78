package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import ru.msed.DiagramEngine;

/**
 * The cheaper id check refuses exactly what the engine's refuses, with its message, and renders nothing
 * otherwise; the rows of a flush come out in exactly the engine's order, whether or not they reference
 * each other.
 */
class CheaperFlushTest {

    private final CheaperFlush.EntityManager entities = new CheaperFlush.EntityManager(null, null);

    @Test
    void aValidIdIsNotRenderedAsText() {
        entities.validateId(new Row("0b6e3c1a-1f1c-11f1-a56a-02fc00000001"));
    }

    @Test
    void aMissingOrReservedIdIsRefusedWithTheEnginesMessage() {
        assertThatThrownBy(() -> entities.validateId(new Row(null))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has an invalid id").hasMessageContaining("id is null");
        assertThatThrownBy(() -> entities.validateId(new Row("*"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has an invalid id").hasMessageContaining("cannot be *");
    }

    @Test
    void theEnginesCommandsUseIt() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) DiagramEngine.with("incoming-document",
                "document-routing").getProcessEngineConfiguration();
        DbEntityManager used = configuration.getCommandExecutorTxRequired()
                .execute((Command<DbEntityManager>) context -> context.getDbEntityManager());
        assertThat(used).isInstanceOf(CheaperFlush.EntityManager.class);
    }

    @Test
    void rowsThatReferenceNoOtherRowOfTheFlushKeepTheirOrderWithoutTheEnginesComparisons() {
        SortedSet<DbEntityOperation> variables = operations(DbOperationType.INSERT,
                new Row("v3", Set.of()), new Row("v1", null), new Row("v2", Set.of("v2", "execution-elsewhere")));

        assertThat(CheaperFlush.OrderingOnlyWhenReferenced.referencesAnother(variables)).isFalse();
        assertThat(ids(new CheaperFlush.OrderingOnlyWhenReferenced().sortByReferences(variables))).containsExactly("v1", "v2", "v3");
    }

    @Test
    void anInsertFollowsTheRowItReferencesAndADeleteFollowsTheRowsThatReferenceIt() {
        SortedSet<DbEntityOperation> inserts = operations(DbOperationType.INSERT,
                new Row("a-child", Set.of("b-parent")), new Row("b-parent", Set.of()));
        assertThat(ids(new CheaperFlush.OrderingOnlyWhenReferenced().sortByReferences(inserts))).containsExactly("b-parent", "a-child");

        SortedSet<DbEntityOperation> deletes = operations(DbOperationType.DELETE,
                new Row("a-parent", Set.of()), new Row("b-child", Set.of("a-parent")));
        assertThat(ids(new CheaperFlush.OrderingOnlyWhenReferenced().sortByReferences(deletes))).containsExactly("b-child", "a-parent");
    }

    @Test
    void theOrderIsTheEnginesForAnyRowsAndReferences() {
        Random random = new Random(20261130);
        EngineOrdering engine = new EngineOrdering();
        CheaperFlush.OrderingOnlyWhenReferenced cheaper = new CheaperFlush.OrderingOnlyWhenReferenced();
        int referencing = 0;
        for (int round = 0; round < 2000; round++) {
            int size = 1 + random.nextInt(40);
            List<String> created = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                created.add(String.format("e%03d", random.nextInt(1000)));
            }
            List<String> ids = created.stream().distinct().toList();
            // References only to rows created earlier, as the engine's rows do: a cycle would never end its ordering.
            boolean crossReferences = random.nextBoolean();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Set<String> references = new HashSet<>();
                references.add("elsewhere-" + random.nextInt(5));
                if (random.nextBoolean()) {
                    references.add(ids.get(i));
                }
                if (crossReferences && i > 0 && random.nextInt(3) == 0) {
                    references.add(ids.get(random.nextInt(i)));
                }
                rows.add(new Row(ids.get(i), random.nextInt(10) == 0 ? null : references));
            }
            for (DbOperationType type : List.of(DbOperationType.INSERT, DbOperationType.UPDATE, DbOperationType.DELETE)) {
                SortedSet<DbEntityOperation> preSorted = operations(type, rows.toArray(Row[]::new));
                referencing += CheaperFlush.OrderingOnlyWhenReferenced.referencesAnother(preSorted) ? 1 : 0;
                assertThat(ids(cheaper.sortByReferences(preSorted))).as("round %d, %s", round, type)
                        .containsExactlyElementsOf(ids(engine.sort(preSorted)));
            }
        }
        // Both paths were taken many times.
        assertThat(referencing).isBetween(1000, 5000);
    }

    private static SortedSet<DbEntityOperation> operations(DbOperationType type, Row... rows) {
        SortedSet<DbEntityOperation> operations = new TreeSet<>(DbOperationManager.INSERT_OPERATION_COMPARATOR);
        for (Row row : rows) {
            DbEntityOperation operation = new DbEntityOperation();
            operation.setOperationType(type);
            operation.setEntity(row);
            operation.setFlushRelevantEntityReferences(row.references());
            operations.add(operation);
        }
        return operations;
    }

    private static List<String> ids(List<DbEntityOperation> operations) {
        return operations.stream().map(operation -> operation.getEntity().getId()).toList();
    }

    /** The engine's own ordering, for comparison. */
    private static final class EngineOrdering extends DbOperationManager {
        List<DbEntityOperation> sort(SortedSet<DbEntityOperation> preSorted) {
            return super.sortByReferences(preSorted);
        }
    }

    /** A row that references the rows whose ids it holds; its text, were it asked for, fails the test. */
    private record Row(String id, Set<String> references) implements DbEntity {

        Row(String id) {
            this(id, Set.of());
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            if (id != null && !"*".equals(id)) {
                throw new AssertionError("a valid id's entity was rendered as text");
            }
            return "Row[" + id + "]";
        }
    }
}
