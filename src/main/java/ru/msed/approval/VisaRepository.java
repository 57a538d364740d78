package ru.msed.approval;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface VisaRepository extends JpaRepository<Visa, Long> {

    List<Visa> findByDocumentIdOrderById(Long documentId);
}
