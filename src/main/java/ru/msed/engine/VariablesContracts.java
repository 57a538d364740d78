package ru.msed.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The variables contracts of all diagrams, by process id (each regulation package contributes its own). */
@Component
public class VariablesContracts {

    private final Map<String, VariablesContract> byProcessId = new HashMap<>();

    VariablesContracts(List<VariablesContract> contracts) {
        contracts.forEach(contract -> {
            if (byProcessId.put(contract.processId(), contract) != null) {
                throw new IllegalStateException("Two variables contracts for " + contract.processId());
            }
        });
    }

    public Optional<VariablesContract> of(String processId) {
        return Optional.ofNullable(byProcessId.get(processId));
    }

    /** Engine-owned in any diagram: refused where the diagram of a call cannot be told (batch operations). */
    public Set<String> engineOwnedAnywhere() {
        return byProcessId.values().stream().flatMap(c -> c.engineOwned().stream()).collect(Collectors.toSet());
    }
}
