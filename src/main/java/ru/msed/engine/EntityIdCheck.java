package ru.msed.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's check of every inserted row's id, without its cost. The engine writes the message
 * of a failed check before checking ({@code "Entity " + entity + " has an invalid id"}), so every
 * insert renders the whole entity as text: a history variable row with its value, an execution with
 * its activity. That was about a tenth of the CPU of starting an imported assignment's instances
 * (JFR: 89 of 799 samples). Here the same rule (an id is present and is not the reserved "*") is
 * checked first, and the engine's own check, with its message, runs only for an id that breaks it.
 */
@Component
public class EntityIdCheck extends AbstractProcessEnginePlugin {

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
            return new CheckingIdsFirst(configuration.getIdGenerator(),
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    static final class CheckingIdsFirst extends DbEntityManager {

        CheckingIdsFirst(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
