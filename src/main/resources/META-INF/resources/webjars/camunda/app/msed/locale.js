/*
 * МСЭД's language and date format for the Camunda webapps (Tasklist, Cockpit, Admin, Welcome);
 * each app's scripts/config.js imports it.
 *
 * The webapps take the browser's language when it is one of `locales.availableLocales`, and the
 * fallback otherwise. МСЭД is Russian for everybody, whatever the browser's language, so only
 * the language the user chose is offered: Russian unless `?lang=en` was opened once in this
 * browser (a webapp's full address, e.g. /camunda/app/tasklist/default/?lang=en — the short one is
 * redirected without its query — or the link on the Welcome page; `?lang=ru` switches back).
 */
export const DEFAULT_LOCALE = 'ru';
export const LOCALES = ['ru', 'en'];

const STORAGE_KEY = 'msed.locale';

export function chosenLocale() {
  const requested = new URLSearchParams(window.location.search).get('lang');
  if (LOCALES.includes(requested)) {
    try {
      window.localStorage.setItem(STORAGE_KEY, requested);
    } catch (e) {
      // storage disabled: the choice holds for this page only
    }
    return requested;
  }
  let stored = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    // storage disabled: the default
  }
  return LOCALES.includes(stored) ? stored : DEFAULT_LOCALE;
}

/** The `locales` option of config.js: the chosen language only, so the browser's cannot win. */
export function webappLocales() {
  const locale = chosenLocale();
  return {availableLocales: [locale], fallbackLocale: locale};
}

/** Russian or English text by the chosen language (application names in config.js). */
export function byLocale(russian, english) {
  return chosenLocale() === 'en' ? english : russian;
}

/** Dates as Russian offices write them (moment.js formats), in either language. */
export const DATE_FORMAT = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD.MM.YYYY HH:mm',
  normal: 'DD.MM.YYYY HH:mm',
  long: 'DD.MM.YYYY HH:mm:ss',
  short: 'DD.MM.YYYY'
};

export const VENDOR = 'МСЭД ·';

/**
 * The `requireJsConfig` option of config.js: the AngularJS module with what a locale file cannot
 * carry (date formats in lists, Russian relative times and calendars, page titles), see webapps-ru.js.
 */
export function russianDetails() {
  return {
    deps: ['msed-webapps-ru'],
    ngDeps: ['msed.webapps'],
    paths: {'msed-webapps-ru': '../msed/webapps-ru'}
  };
}
