/*
 * Camunda Forms in МСЭД's Tasklist (form-js 1.8.7, bundled in the webapps' lib/deps.js); loaded
 * through `customScripts` of tasklist/scripts/config.js before Tasklist starts.
 *
 * Dates. form-js's date field hands its input to flatpickr with a format taken from the browser's
 * default Intl locale (Intl.DateTimeFormat('default')), not from Tasklist's language: a browser
 * with an en-US default gets m/d/Y, and flatpickr's lenient parser reads a Russian «30.11.2026» as
 * month 30 of 2026, i.e. 11.06.2028. flatpickr applies `flatpickr.defaultConfig.plugins` to every
 * picker (form-js passes none of its own), so the plugin below gives each picker the format
 * d.m.Y and a strict parser: a date that does not exist or is not written дд.мм.гггг
 * («31.02.2026», «11/30/2026») is refused with a Russian message under the field and the field
 * stays empty, never becoming another date. What form-js submits is unchanged: an ISO date
 * (2026-11-30).
 *
 * Messages. form-js 1.8.7 has no translations: its validation messages and the select's
 * placeholders are English literals. In Russian they are replaced in place, inside form-js's
 * container only.
 */
import {chosenLocale} from './locale.js';

const russian = chosenLocale() === 'ru';

const DISPLAY_FORMAT = 'd.m.Y';
const PLACEHOLDER = russian ? 'дд.мм.гггг' : 'dd.mm.yyyy';
const RUSSIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date written, or undefined when there is no such date: no rollover as in new Date(). */
export function parseStrictDate(text) {
  const value = String(text).trim();
  let day;
  let month;
  let year;
  let match = RUSSIAN_DATE.exec(value);
  if (match) {
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = ISO_DATE.exec(value))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return undefined;
  }
  const date = new Date(year, month - 1, day);
  const exists = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return exists ? date : undefined;
}

function refusal(text) {
  const value = String(text).trim();
  if (RUSSIAN_DATE.test(value)) {
    return russian
      ? `Даты ${value} нет в календаре. Введите существующую дату в формате дд.мм.гггг.`
      : `There is no date ${value}. Enter an existing date as dd.mm.yyyy.`;
  }
  return russian
    ? `«${value}» — не дата в формате дд.мм.гггг. Введите дату так: 30.11.2026.`
    : `“${value}” is not a date written dd.mm.yyyy. Enter a date like 30.11.2026.`;
}

function showRefusal(picker, message) {
  const field = picker.input.closest('.fjs-form-field') || picker.input.parentNode;
  let note = field.querySelector('.msed-date-refusal');
  if (!message) {
    if (note) {
      note.remove();
    }
    return;
  }
  if (!note) {
    note = document.createElement('div');
    note.className = 'fjs-form-field-error msed-date-refusal';
    note.setAttribute('role', 'alert');
    field.appendChild(note);
  }
  note.textContent = message;
}

/** flatpickr plugin: runs inside each picker's configuration, after form-js's own options. */
function russianDates(picker) {
  if (picker.config.noCalendar) {
    return {};
  }
  picker.config.dateFormat = DISPLAY_FORMAT;
  picker.config.parseDate = (text) => {
    const date = parseStrictDate(text);
    showRefusal(picker, date ? null : refusal(text));
    return date;
  };
  return {
    onReady: () => {
      picker.input.placeholder = PLACEHOLDER;
    },
    onChange: (dates) => {
      if (dates.length > 0) {
        showRefusal(picker, null);
      }
    }
  };
}

const RUSSIAN_CALENDAR = {
  weekdays: {
    shorthand: ['Вс', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'],
    longhand: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота']
  },
  months: {
    shorthand: ['Янв', 'Фев', 'Мар', 'Апр', 'Май', 'Июн', 'Июл', 'Авг', 'Сен', 'Окт', 'Ноя', 'Дек'],
    longhand: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь',
      'Октябрь', 'Ноябрь', 'Декабрь']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' — ',
  weekAbbreviation: 'Нед.',
  scrollTitle: 'Прокрутите, чтобы изменить',
  toggleTitle: 'Нажмите, чтобы переключить',
  yearAriaLabel: 'Год',
  monthAriaLabel: 'Месяц',
  hourAriaLabel: 'Часы',
  minuteAriaLabel: 'Минуты',
  time_24hr: true
};

function configureDatePickers() {
  const flatpickr = window.flatpickr;
  if (!flatpickr) {
    console.error('МСЭД: flatpickr not found, form dates keep the browser\'s format');
    return;
  }
  if (russian) {
    flatpickr.localize(RUSSIAN_CALENDAR);
  } else {
    flatpickr.localize({firstDayOfWeek: 1});
  }
  const plugins = (flatpickr.defaultConfig.plugins || []).concat([russianDates]);
  flatpickr.setDefaults({plugins});
}

function genitiveOfCharacters(count) {
  const n = Number(count);
  return n % 10 === 1 && n % 100 !== 11 ? 'символа' : 'символов';
}

/** form-js 1.8.7's English literals (validation in its Validator, select and taglist parts). */
const FORM_TEXTS = [
  [/^Field is required\.$/, () => 'Поле обязательно для заполнения.'],
  [/^Field must match pattern .*\.$/s, () => 'Значение не соответствует формату поля.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Значение должно быть не меньше ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Значение должно быть не больше ${m[1]}.`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Введите не менее ${m[1]} ${genitiveOfCharacters(m[1])}.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Допускается не более ${m[1]} ${genitiveOfCharacters(m[1])}.`],
  [/^Field must be a valid +international phone number\..*$/, () => 'Введите телефон в международном формате, например +74951234567.'],
  [/^Field must be a valid email\.$/, () => 'Введите адрес электронной почты, например ivanov@example.ru.'],
  [/^Date must match pattern .*$/, () => 'Дата записана в неверном формате.'],
  [/^Date and time must both be entered\.$/, () => 'Укажите и дату, и время.'],
  [/^Select$/, () => 'Выберите…'],
  [/^Search$/, () => 'Поиск'],
  [/^No results$/, () => 'Ничего не найдено']
];

function translated(text) {
  const trimmed = text.trim();
  for (const [pattern, russianText] of FORM_TEXTS) {
    const match = pattern.exec(trimmed);
    if (match) {
      return russianText(match);
    }
  }
  return null;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = translated(node.data);
    if (text !== null) {
      node.data = text;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const inputs = node.matches('input[placeholder]') ? [node] : node.querySelectorAll('input[placeholder]');
  for (const input of inputs) {
    const text = translated(input.placeholder);
    if (text !== null) {
      input.placeholder = text;
    }
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    translateNode(text);
  }
}

function translateFormTexts() {
  const inForm = (node) => {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element && element.closest('.fjs-container');
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData' || mutation.type === 'attributes') {
        if (inForm(mutation.target)) {
          translateNode(mutation.target);
        }
        continue;
      }
      for (const node of mutation.addedNodes) {
        if (inForm(node)) {
          translateNode(node);
        }
      }
    }
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['placeholder']
  });
}

configureDatePickers();
if (russian) {
  translateFormTexts();
}
