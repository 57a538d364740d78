// МСЭД's Welcome page: replaces the webjar's scripts/config.js (the application's resources come
// first on the classpath). Options: docs.camunda.org/manual/7.24/webapps/welcome/configuration/
import {webappLocales, byLocale, DATE_FORMAT, VENDOR, russianDetails} from '../../msed/locale.js';

export default {
  app: {
    name: byLocale('Главная', 'Welcome'),
    vendor: VENDOR
  },
  locales: webappLocales(),
  dateFormat: DATE_FORMAT,
  // Date formats in lists, Russian relative times and calendars, page titles: msed/webapps-ru.js.
  requireJsConfig: russianDetails(),
  // The language switch of all four webapps (remembered in this browser).
  links: [
    byLocale(
      {label: 'English', href: '?lang=en', description: 'Camunda webapps in English (this browser)'},
      {label: 'Русский', href: '?lang=ru', description: 'Веб-приложения Camunda на русском языке (в этом браузере)'}
    )
  ]
};
