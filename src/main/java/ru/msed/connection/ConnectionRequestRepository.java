package ru.msed.connection;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConnectionRequestRepository extends JpaRepository<ConnectionRequest, Long> {

    Optional<ConnectionRequest> findByCredentialsTokenSha256(String tokenSha256);
}
