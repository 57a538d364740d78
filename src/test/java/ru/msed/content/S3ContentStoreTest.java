package ru.msed.content;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract against a real S3 server (S3Proxy) on the loopback address, through the AWS SDK as in production. */
class S3ContentStoreTest extends ContentStoreContract {

    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    ContentStore store() {
        // A bucket per test: each starts empty.
        return ContentStoreConfiguration.s3Store(server.properties("msed-" + UUID.randomUUID().toString().substring(0, 8)));
    }
}
