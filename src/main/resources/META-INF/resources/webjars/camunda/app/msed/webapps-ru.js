/*
 * Russian details of the Camunda webapps that a locale file cannot carry; loaded by each app's
 * config.js through `requireJsConfig` (deps + ngDeps), before the app starts.
 * - Dates in lists: Cockpit ignores config.js's `dateFormat` (it sets its own, ISO for times),
 *   Admin and Welcome take moment.js's defaults; all four get config.js's formats (дд.мм.гггг).
 * - Relative times in Tasklist («Срок через 2 дня», «Создана 5 минут назад»): its moment.js
 *   (angular-moment's `moment` constant) knows English only, and `dateLocales` in ru.json can hold
 *   only strings, while Russian needs plural forms (1 день, 2 дня, 5 дней). ru.json's
 *   dateLocales (numeric formats, first day of the week) are merged on top when it arrives.
 * - Calendars of the date pickers (due and follow-up dates): AngularJS's $locale, English built in.
 * - Page titles of Cockpit and Admin: set with $translate.instant(KEY) when a page opens; on the
 *   first page the locale file may not have arrived yet and the raw key stays («DASHBOARD_DASHBOARD»).
 *   Whatever is still a key is translated once the language is loaded, and the browser tab shows
 *   the configured name («МСЭД · Мониторинг | Обзор») instead of index.html's «Camunda Cockpit».
 */
define(['angular'], function (angular) {
  'use strict';

  var DATE_FORMAT_NAMES = ['monthName', 'day', 'abbr', 'normal', 'long', 'short'];
  var TRANSLATION_KEY = /^[A-Z][A-Z0-9_]+$/;

  function plural(count, one, few, many) {
    var mod10 = count % 10;
    var mod100 = count % 100;
    if (mod10 === 1 && mod100 !== 11) {
      return one;
    }
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 10 || mod100 >= 20)) {
      return few;
    }
    return many;
  }

  // «через 21 минуту» / «21 минута»: after «через» and before «назад» the accusative.
  function units(oneAccusative, oneNominative, few, many) {
    return function (count, withoutSuffix) {
      return count + ' ' + plural(count, withoutSuffix ? oneNominative : oneAccusative, few, many);
    };
  }

  function single(accusative, nominative) {
    return function (count, withoutSuffix) {
      return withoutSuffix ? nominative : accusative;
    };
  }

  var RUSSIAN = {
    months: {
      format: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября',
        'октября', 'ноября', 'декабря'],
      standalone: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь',
        'октябрь', 'ноябрь', 'декабрь']
    },
    monthsShort: ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июня', 'июля', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
    weekdays: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
    weekdaysShort: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
    weekdaysMin: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
    // The same numeric formats as ru.json's dateLocales (which the other apps' moment.js gets).
    longDateFormat: {
      LT: 'HH:mm',
      LTS: 'HH:mm:ss',
      L: 'DD.MM.YYYY',
      LL: 'DD.MM.YYYY',
      LLL: 'DD.MM.YYYY HH:mm',
      LLLL: 'DD.MM.YYYY HH:mm:ss'
    },
    calendar: {
      sameDay: '[Сегодня в] LT',
      nextDay: '[Завтра в] LT',
      lastDay: '[Вчера в] LT',
      nextWeek: 'L [в] LT',
      lastWeek: 'L [в] LT',
      sameElse: 'L'
    },
    relativeTime: {
      future: 'через %s',
      past: '%s назад',
      s: 'несколько секунд',
      ss: units('секунду', 'секунда', 'секунды', 'секунд'),
      m: single('минуту', 'минута'),
      mm: units('минуту', 'минута', 'минуты', 'минут'),
      h: 'час',
      hh: units('час', 'час', 'часа', 'часов'),
      d: 'день',
      dd: units('день', 'день', 'дня', 'дней'),
      w: single('неделю', 'неделя'),
      ww: units('неделю', 'неделя', 'недели', 'недель'),
      M: 'месяц',
      MM: units('месяц', 'месяц', 'месяца', 'месяцев'),
      y: 'год',
      yy: units('год', 'год', 'года', 'лет')
    },
    dayOfMonthOrdinalParse: /\d{1,2}-й/,
    ordinal: '%d-й',
    week: {dow: 1, doy: 4}
  };

  var ANGULAR_RUSSIAN = {
    MONTH: RUSSIAN.months.standalone,
    STANDALONEMONTH: RUSSIAN.months.standalone,
    SHORTMONTH: RUSSIAN.monthsShort,
    DAY: RUSSIAN.weekdays,
    SHORTDAY: RUSSIAN.weekdaysShort,
    FIRSTDAYOFWEEK: 0,
    WEEKENDRANGE: [5, 6],
    medium: 'dd.MM.y HH:mm:ss',
    short: 'dd.MM.y HH:mm',
    fullDate: 'EEEE, d MMMM y',
    longDate: 'd MMMM y',
    mediumDate: 'dd.MM.y',
    shortDate: 'dd.MM.y',
    mediumTime: 'HH:mm:ss',
    shortTime: 'HH:mm'
  };

  angular.module('msed.webapps', [])
    .config(['$provide', 'camDateFormatProvider', 'configurationProvider',
      function ($provide, camDateFormatProvider, configurationProvider) {
        DATE_FORMAT_NAMES.forEach(function (name) {
          camDateFormatProvider.setDateFormat(configurationProvider.getDateFormat(name), name);
        });
        if (configurationProvider.getFallbackLocale() === 'ru') {
          $provide.decorator('$locale', ['$delegate', function ($locale) {
            angular.extend($locale.DATETIME_FORMATS, ANGULAR_RUSSIAN);
            $locale.id = 'ru-ru';
            return $locale;
          }]);
        }
      }])
    .run(['$injector', '$rootScope', '$translate', 'configuration',
      function ($injector, $rootScope, $translate, configuration) {
        if (configuration.getFallbackLocale() === 'ru' && $injector.has('moment')) {
          var moment = $injector.get('moment');
          if (moment.locales().indexOf('ru') > -1) {
            moment.updateLocale('ru', RUSSIAN);
          } else {
            moment.defineLocale('ru', RUSSIAN);
          }
        }
        if ($injector.has('page')) {
          fixPageTitles($injector.get('page'), $rootScope, $translate,
            configuration.getAppVendor() + ' ' + configuration.getAppName());
        }
      }]);

  function fixPageTitles(page, $rootScope, $translate, brand) {
    // Registered after the page service's own listener (the service exists by now), so this one
    // has the last word on the tab's title.
    $rootScope.$on('page.title.changed', function (event, title) {
      document.title = title ? brand + ' | ' + title : brand;
    });

    function translateKey(text) {
      return TRANSLATION_KEY.test(text) ? $translate.instant(text) : text;
    }

    $rootScope.$on('$translateChangeSuccess', function () {
      var title = page.titleGet();
      if (title) {
        var translated = title.split(' | ').map(translateKey).join(' | ');
        if (translated !== title) {
          page.titleSet(translated);
        }
      }
      var crumbs = page.breadcrumbsGet() || [];
      var changed = false;
      crumbs.forEach(function (crumb) {
        if (crumb && typeof crumb.label === 'string' && translateKey(crumb.label) !== crumb.label) {
          crumb.label = translateKey(crumb.label);
          changed = true;
        }
      });
      if (changed) {
        $rootScope.$broadcast('page.breadcrumbs.changed', crumbs);
      }
    });
  }
});
