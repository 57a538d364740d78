package ru.msed.calendar;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location folder of the yearly files ({@code YYYY.csv})
 * @param years years that must have a file; start-up fails naming the missing ones
 * @param workdayEnd hour at which a working day's deadline falls (due dates)
 * @param workdayStart hour at which a working day starts (follow-up dates)
 */
@ConfigurationProperties("msed.calendar")
public record CalendarProperties(String location, List<Integer> years, int workdayStart, int workdayEnd) {

    public CalendarProperties {
        location = location == null ? "classpath:calendar/" : location;
        years = years == null ? List.of() : List.copyOf(years);
        workdayStart = workdayStart == 0 ? 9 : workdayStart;
        workdayEnd = workdayEnd == 0 ? 18 : workdayEnd;
    }
}
