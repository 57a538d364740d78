// МСЭД's Cockpit: replaces the webjar's scripts/config.js (the application's resources come
// first on the classpath). Options: docs.camunda.org/manual/7.24/webapps/cockpit/extend/configuration/
import {webappLocales, byLocale, DATE_FORMAT, VENDOR, russianDetails} from '../../msed/locale.js';

export default {
  app: {
    name: byLocale('Мониторинг', 'Cockpit'),
    vendor: VENDOR
  },
  locales: webappLocales(),
  dateFormat: DATE_FORMAT,
  // Date formats in lists, Russian relative times and calendars, page titles: msed/webapps-ru.js.
  requireJsConfig: russianDetails()
};
