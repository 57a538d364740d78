package ru.msed.resolution;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ResolutionRepository extends JpaRepository<Resolution, Long> {

    List<Resolution> findByDocumentIdOrderById(Long documentId);
}
