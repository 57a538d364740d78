package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.MsedIntegrationTest;

/**
 * The engine's indexes on mostly empty columns hold only the rows with a value (020-sparse-engine-indexes),
 * and the statements that look a value up still use them: planned as the engine's prepared statements are
 * (one generic plan for any parameter), with sequential scans priced out, each plan names its index.
 */
@MsedIntegrationTest
class SparseEngineIndexesIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSparseIndexesArePartial() {
        List<String> definitions = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE indexname IN ('act_idx_var_case_exe',"
                + " 'act_idx_var_case_inst_id', 'act_idx_batch_id', 'act_idx_var_bytearray', 'act_idx_variable_task_id',"
                + " 'act_idx_variable_task_name_type', 'act_idx_hi_varinst_bytear', 'act_idx_hi_casevar_case_inst',"
                + " 'act_idx_auth_root_pi', 'act_idx_auth_rm_time', 'msed_idx_task_parent')", String.class);
        assertThat(definitions).hasSize(11).allSatisfy(definition -> assertThat(definition).contains("IS NOT NULL"));
    }

    @Test
    void lookupsOfAValueStillUseThem() {
        assertThat(plan("SELECT * FROM act_ru_variable WHERE task_id_ = $1", "text"))
                .containsAnyOf("act_idx_variable_task_id", "act_idx_variable_task_name_type");
        assertThat(plan("SELECT * FROM act_ru_variable WHERE task_id_ = $1 AND name_ = $2", "text", "text"))
                .containsAnyOf("act_idx_variable_task_id", "act_idx_variable_task_name_type");
        assertThat(plan("SELECT * FROM act_ru_variable WHERE task_id_ = ANY($1)", "text[]"))
                .containsAnyOf("act_idx_variable_task_id", "act_idx_variable_task_name_type");
        assertThat(plan("SELECT * FROM act_ru_variable WHERE bytearray_id_ = $1", "text")).contains("act_idx_var_bytearray");
        assertThat(plan("SELECT * FROM act_ru_variable WHERE batch_id_ = $1", "text")).contains("act_idx_batch_id");
        assertThat(plan("SELECT * FROM act_hi_varinst WHERE bytearray_id_ = $1", "text")).contains("act_idx_hi_varinst_bytear");
        assertThat(plan("SELECT * FROM act_ru_task WHERE parent_task_id_ = $1", "text")).contains("msed_idx_task_parent");
        assertThat(plan("SELECT * FROM act_ru_authorization WHERE removal_time_ <= $1", "timestamp"))
                .contains("act_idx_auth_rm_time");
        assertThat(plan("SELECT * FROM act_ru_authorization WHERE root_proc_inst_id_ = $1", "text"))
                .contains("act_idx_auth_root_pi");
    }

    /** The generic plan of a prepared statement, sequential scans priced out. */
    private String plan(String sql, String... parameterTypes) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET plan_cache_mode = force_generic_plan");
                statement.execute("SET enable_seqscan = off");
                statement.execute("PREPARE msed_plan(" + String.join(", ", parameterTypes) + ") AS " + sql);
                try {
                    List<String> lines = new ArrayList<>();
                    String nulls = String.join(", ", java.util.Collections.nCopies(parameterTypes.length, "NULL"));
                    try (ResultSet plan = statement.executeQuery("EXPLAIN EXECUTE msed_plan(" + nulls + ")")) {
                        while (plan.next()) {
                            lines.add(plan.getString(1));
                        }
                    }
                    return String.join("\n", lines);
                } finally {
                    statement.execute("DEALLOCATE msed_plan");
                    statement.execute("RESET enable_seqscan");
                    statement.execute("RESET plan_cache_mode");
                }
            }
        });
    }
}
