package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import ru.msed.DiagramEngine;

/** The cheaper check refuses exactly what the engine's refuses, with its message, and renders nothing otherwise. */
class EntityIdCheckTest {

    private final EntityIdCheck.CheckingIdsFirst entities = new EntityIdCheck.CheckingIdsFirst(null, null);

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
        assertThat(used).isInstanceOf(EntityIdCheck.CheckingIdsFirst.class);
    }

    /** A row whose text, were it asked for, fails the test. */
    private record Row(String id) implements DbEntity {

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
