// МСЭД's Tasklist: replaces the webjar's scripts/config.js (the application's resources come
// first on the classpath). Options: docs.camunda.org/manual/7.24/webapps/tasklist/configuration/
import {webappLocales, byLocale, DATE_FORMAT, VENDOR, russianDetails} from '../../msed/locale.js';

export default {
  app: {
    name: byLocale('Задачи', 'Tasklist'),
    vendor: VENDOR
  },
  locales: webappLocales(),
  dateFormat: DATE_FORMAT,
  // Date formats in lists, Russian relative times and calendars, page titles: msed/webapps-ru.js.
  requireJsConfig: russianDetails(),
  // Camunda Forms: dates typed and shown as дд.мм.гггг, form messages in Russian.
  customScripts: ['../msed/tasklist-forms'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: byLocale('взять выбранную задачу в работу', 'claims the currently selected task')
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: byLocale('перейти к первой папке', 'set the focus to the first filter in the list')
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: byLocale('перейти к первой задаче списка', 'sets the focus to the first task in the list')
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: byLocale('перейти к первому полю формы', 'sets the focus to the first input field in a task form')
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: byLocale('открыть окно запуска процесса', 'opens the start process modal dialog')
    }
  }
};
