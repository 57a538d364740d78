package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.MsedIntegrationTest;

/**
 * The controller in Cockpit: the application's plugin page «Контроль исполнения» lists the demo
 * organization's overdue assignments (the demo data's deadlines have passed and the timer fired)
 * and those closed late, by name, with links to the card and the instance, and the Excel report.
 */
@MsedIntegrationTest
class ControlCockpitIT {

    @LocalServerPort
    int port;

    HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start("control-cockpit");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void controllerSeesOverdueAssignmentsOfTheOrganizationInCockpit() throws Exception {
        String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
        browser.logIn(cockpit, "controller");
        // The navigation entry of the plugin leads to its page.
        browser.clickable(By.linkText("Контроль исполнения")).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("#/msed-control"));
        WebElement page = browser.visible(By.cssSelector(".msed-control"));
        browser.wait.until(d -> !d.findElements(By.cssSelector(".msed-control .msed-control-row")).isEmpty());
        browser.screenshot("control-page");

        String text = page.getText();
        assertThat(text).contains("Контроль исполнения — Минцифры ДО", "Просроченные поручения",
                "О проверке обработки персональных данных", "Иванов И. И. (ответственный)", "Волков Д. А.",
                "Исполнены с опозданием", "О проведении совещания", "Отчёт об исполнении (Excel)");
        assertThat(text).containsPattern("\\d{2}\\.\\d{2}\\.\\d{4}").containsPattern("\\d+ (день|дня|дней)")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain("executor1", "executor3");
        WebElement row = page.findElement(By.xpath(".//tr[contains(., 'О проверке обработки персональных данных')"
                + " and contains(., 'Иванов И. И.')]"));
        assertThat(row.findElement(By.linkText("Карточка")).getAttribute("href")).contains("/card.html?id=");
        assertThat(row.findElement(By.linkText("Процесс")).getAttribute("href")).contains("#/process-instance/");
        assertThat(page.findElement(By.partialLinkText("Отчёт об исполнении")).getAttribute("href"))
                .contains("/api/reports/execution.xlsx?from=");

        // The instance link opens Cockpit's own view of that instance.
        row.findElement(By.linkText("Процесс")).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("#/process-instance/"));
        browser.visible(By.cssSelector("[cam-widget-bpmn-viewer], .process-instance, .ctn-main"));
        browser.screenshot("instance");
    }
}
