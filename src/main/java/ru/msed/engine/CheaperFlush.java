package ru.msed.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Two shortcuts in the engine's writing of a transaction's rows, each giving exactly what the
 * engine's own code gives; each was about a tenth of the JVM's samples (JFR) while the import started
 * its open assignments' instances.
 * <ul>
 * <li><b>The id check.</b> The engine writes the message of a failed check before checking
 * ({@code "Entity " + entity + " has an invalid id"}), so every insert rendered the whole entity as
 * text (89 of 799 samples). The same rule (an id is present and is not the reserved "*") is checked
 * first; the engine's own check, with its message, runs only for an id that breaks it.</li>
 * <li><b>The order of rows that may reference each other</b> (executions, variables, tasks …). The
 * engine compares every such row with every later one of its kind, even when none references
 * another: 25 imported starts flush about a thousand variable rows, half a million comparisons
 * (95 of 738 samples). Whether any row references another row of the list is one pass; only then is
 * the engine's ordering run, and without such a reference it would not have moved a row.</li>
 * </ul>
 */
@Component
public class CheaperFlush extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // Added after the engine's own factories, so it takes the place of the DbEntityManager's.
        factories.add(new Factory(configuration));
        configuration.setCustomSessionFactories(factories);
    }

    private record Factory(ProcessEngineConfigurationImpl configuration) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return DbEntityManager.class;
        }

        @Override
        public Session openSession() {
            return new EntityManager(configuration.getIdGenerator(),
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    static final class EntityManager extends DbEntityManager {

        EntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        protected void initializeOperationManager() {
            dbOperationManager = new OrderingOnlyWhenReferenced();
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);
            }
        }
    }

    static final class OrderingOnlyWhenReferenced extends DbOperationManager {

        @Override
        protected List<DbEntityOperation> sortByReferences(SortedSet<DbEntityOperation> preSorted) {
            return referencesAnother(preSorted) ? super.sortByReferences(preSorted) : new ArrayList<>(preSorted);
        }

        /**
         * Whether a row of the list references another row of it: the engine moves an insert only behind a
         * later row it references, and an update or delete only behind a later row that references it. Rows
         * with the same id, which cannot be told apart by id, count as referencing.
         */
        static boolean referencesAnother(Collection<DbEntityOperation> operations) {
            Set<String> ids = new HashSet<>(operations.size() * 2);
            for (DbEntityOperation operation : operations) {
                if (!ids.add(operation.getEntity().getId())) {
                    return true;
                }
            }
            for (DbEntityOperation operation : operations) {
                Set<String> references = operation.getFlushRelevantEntityReferences();
                if (references == null) {
                    continue;
                }
                String own = operation.getEntity().getId();
                for (String reference : references) {
                    if (!Objects.equals(reference, own) && ids.contains(reference)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
