package ru.msed.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces engine statements that grow with the number of open tasks by equivalent PostgreSQL
 * forms ({@code engine/postgres-statements.xml}), through the engine's own per-database statement
 * mapping. Found and measured with the benchmark's statement profile (README, Benchmark).
 */
@Component
class PostgresStatements extends AbstractProcessEnginePlugin {

    static final Map<String, String> REPLACED = Map.of("selectAuthorizedGroupIds", "msedSelectAuthorizedGroupIds");
    private static final String MAPPER = "engine/postgres-statements.xml";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        try (InputStream mapper = PostgresStatements.class.getClassLoader().getResourceAsStream(MAPPER)) {
            new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
        Map<String, String> mappings = statements.getStatementMappings() == null
                ? new HashMap<>() : new HashMap<>(statements.getStatementMappings());
        mappings.putAll(REPLACED);
        statements.setStatementMappings(mappings);
    }
}
