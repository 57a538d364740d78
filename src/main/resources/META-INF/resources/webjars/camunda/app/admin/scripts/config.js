// МСЭД's Admin: replaces the webjar's scripts/config.js (the application's resources come first
// on the classpath). Options: docs.camunda.org/manual/7.24/webapps/admin/configuration/
import {webappLocales, byLocale, DATE_FORMAT, VENDOR, russianDetails} from '../../msed/locale.js';

export default {
  app: {
    name: byLocale('Администрирование', 'Admin'),
    vendor: VENDOR
  },
  locales: webappLocales(),
  dateFormat: DATE_FORMAT,
  // Date formats in lists, Russian relative times and calendars, page titles: msed/webapps-ru.js.
  requireJsConfig: russianDetails()
};
