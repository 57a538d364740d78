package ru.msed.exchange;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Exchange between organizations ({@code msed.exchange.*}): the limits a transport container must
 * keep before anything in it is read (a zip bomb stops at the first byte beyond them), and the
 * delivery of notifications to the senders' processes.
 *
 * @param containerMaxSize    largest container upload
 * @param unpackedMaxSize     most bytes all entries of a container may unpack to
 * @param maxRatio            most unpacked bytes per byte of the container (compression ratio)
 * @param maxEntries          most files in a container
 * @param noticePollInterval  how often due notifications are delivered
 * @param noticeMaxAttempts   attempts before a notification is left for support as failed
 * @param noticeDelivery      whether this node delivers notifications (tests deliver them themselves)
 */
@ConfigurationProperties("msed.exchange")
public record ExchangeProperties(
        @DefaultValue("50MB") DataSize containerMaxSize,
        @DefaultValue("200MB") DataSize unpackedMaxSize,
        @DefaultValue("100") int maxRatio,
        @DefaultValue("100") int maxEntries,
        @DefaultValue("PT5S") Duration noticePollInterval,
        @DefaultValue("8") int noticeMaxAttempts,
        @DefaultValue("true") boolean noticeDelivery) {
}
