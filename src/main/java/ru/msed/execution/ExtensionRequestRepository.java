package ru.msed.execution;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExtensionRequestRepository extends JpaRepository<ExtensionRequest, Long> {

    List<ExtensionRequest> findByResolutionIdOrderById(Long resolutionId);

    List<ExtensionRequest> findByResolutionIdInOrderById(java.util.Collection<Long> resolutionIds);
}
