// Shared by the application's pages (plain scripts, no framework): the session's CSRF token for
// changes, uploads with progress, Russian messages from problem answers, file checks before an
// upload, sizes and dates in Russian, and the way back to the task a page was opened from.
const msed = (() => {
  const TIME_ZONE = 'Europe/Moscow';
  const LOGIN_PAGE = '/';

  // The session's CSRF token. The webapps hand it out once, when they create it (usually to
  // Tasklist); the application answers the session's existing token to its own pages.
  async function csrfToken() {
    const existing = await fetch('/login-api/csrf-token',
      {headers: {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'}, cache: 'no-store'});
    if (existing.ok) {
      return (await existing.json()).token;
    }
    // A session without a token yet: the webapps' CSRF filter creates one (and Tasklist's cookie).
    const created = await fetch('/camunda/api/admin/auth/user/default', {headers: {'X-XSRF-TOKEN': 'Fetch'}});
    return created.headers.get('X-XSRF-TOKEN');
  }

  // The Russian message of a problem-details answer (fetch's Response).
  async function problem(response) {
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      // Not JSON: the status tells.
    }
    return describe(response.status, body);
  }

  function describe(status, body) {
    if (body && Array.isArray(body.errors) && body.errors.length) {
      return body.errors.join('\n');
    }
    if (body && (body.detail || body.title)) {
      return body.detail || body.title;
    }
    if (status === 401) {
      return 'Сеанс завершён или вход не выполнен. Войдите в МСЭД заново и повторите действие.';
    }
    if (status === 413) {
      return 'Файл слишком большой.';
    }
    if (status === 403) {
      return 'Нет доступа.';
    }
    if (status === 404) {
      return 'Не найдено.';
    }
    return 'Сервер ответил ошибкой (' + status + '). Повторите попытку или обратитесь в техническую поддержку.';
  }

  // A change or an upload through XMLHttpRequest (fetch reports no upload progress). Resolves to
  // {ok, status, data, message} and never rejects; a FormData body goes as multipart, anything else as JSON.
  async function send(method, url, body, options = {}) {
    let token = null;
    try {
      token = await csrfToken();
    } catch (e) {
      // Sent without: the server's refusal says what to do.
    }
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.setRequestHeader('Accept', 'application/json');
      if (token) {
        xhr.setRequestHeader('X-XSRF-TOKEN', token);
      }
      let payload = body;
      if (body !== undefined && body !== null && !(body instanceof FormData)) {
        xhr.setRequestHeader('Content-Type', 'application/json');
        payload = JSON.stringify(body);
      }
      if (options.onProgress) {
        xhr.upload.addEventListener('progress', (event) => {
          if (event.lengthComputable) {
            options.onProgress(event.loaded, event.total);
          }
        });
      }
      xhr.addEventListener('load', () => {
        let data = null;
        try {
          data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch (e) {
          // Not JSON.
        }
        const ok = xhr.status >= 200 && xhr.status < 300;
        resolve({ok, status: xhr.status, data, message: ok ? null : describe(xhr.status, data)});
      });
      xhr.addEventListener('error', () => resolve({ok: false, status: 0, data: null,
        message: 'Связь с сервером прервана, данные не отправлены. Если файл большой, проверьте его размер; '
          + 'иначе проверьте подключение к сети и повторите.'}));
      xhr.send(payload);
    });
  }

  // A GET of JSON: {ok, status, data, message}.
  async function getJson(url) {
    try {
      const response = await fetch(url, {headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}});
      if (!response.ok) {
        return {ok: false, status: response.status, data: null, message: await problem(response)};
      }
      return {ok: true, status: response.status, data: await response.json(), message: null};
    } catch (e) {
      return {ok: false, status: 0, data: null, message: 'Сервер не отвечает. Проверьте подключение к сети и обновите страницу.'};
    }
  }

  function plural(n, one, few, many) {
    const tens = n % 100;
    const units = n % 10;
    if (tens >= 11 && tens <= 14) {
      return many;
    }
    return units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  }

  const decimal = new Intl.NumberFormat('ru-RU', {maximumFractionDigits: 1});

  // 532 байта, 2,9 КБ, 20 МБ
  function size(bytes) {
    if (bytes < 1024) {
      return bytes + ' ' + plural(bytes, 'байт', 'байта', 'байт');
    }
    const units = ['КБ', 'МБ', 'ГБ'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return decimal.format(value) + ' ' + units[unit];
  }

  const dateTime = new Intl.DateTimeFormat('ru-RU', {timeZone: TIME_ZONE, day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit'});
  const dateOnly = new Intl.DateTimeFormat('ru-RU', {timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric'});

  // дд.мм.гггг чч:мм (or дд.мм.гггг) from an ISO instant; '' for none.
  function formatDateTime(iso) {
    return iso ? dateTime.format(new Date(iso)).replace(',', '') : '';
  }

  function formatDate(iso) {
    return iso ? dateOnly.format(new Date(iso)) : '';
  }

  // What is wrong with a chosen file before it is sent, or null.
  // rules: {what: 'файл заявки', maxBytes, extensions: ['.xlsx'], kind: 'книга Excel (.xlsx)'}
  function fileProblem(file, rules = {}) {
    if (!file) {
      return 'Выберите ' + (rules.what || 'файл') + '.';
    }
    if (file.size === 0) {
      return 'Файл «' + file.name + '» пустой (0 байт): выберите файл с содержимым.';
    }
    if (rules.maxBytes && file.size > rules.maxBytes) {
      return 'Файл «' + file.name + '» слишком большой: ' + size(file.size) + ', допускается не больше '
        + size(rules.maxBytes) + '.';
    }
    if (rules.extensions && !rules.extensions.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      return 'Файл «' + file.name + '» не подходит: нужен файл ' + (rules.kind || rules.extensions.join(', ')) + '.';
    }
    return null;
  }

  // Shows a message in an element: ok (green), progress (neutral) or an error (red), with a link to
  // the login page in a new tab when the session is over (this page keeps what was chosen).
  function say(element, text, kind, status) {
    element.className = 'msed-message ' + (kind || 'error');
    element.setAttribute('role', kind === 'error' || !kind ? 'alert' : 'status');
    element.textContent = text || '';
    if (status === 401) {
      const link = document.createElement('a');
      link.href = LOGIN_PAGE;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = 'Войти в МСЭД (в новой вкладке)';
      element.append(' ', link);
    }
  }

  // «Вернуться к задаче»: a page opened from a form in a new tab closes it (the form is still in
  // its own tab); a page reached by a link in this tab goes back; otherwise Tasklist opens.
  function taskNavigation(container) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'msed-back';
    button.textContent = '← Вернуться к задаче';
    button.addEventListener('click', () => {
      if (history.length > 1 && document.referrer && new URL(document.referrer).origin === location.origin) {
        history.back();
        return;
      }
      window.close();
      // Still here: not a tab a script may close.
      setTimeout(() => { location.href = '/camunda/app/tasklist/'; }, 150);
    });
    const tasklist = document.createElement('a');
    tasklist.href = '/camunda/app/tasklist/';
    tasklist.textContent = 'Задачи (Tasklist)';
    container.append(button, ' ', tasklist);
  }

  // A file input in Russian whatever the browser's language («Choose File / No file chosen» otherwise),
  // showing the chosen files with their sizes before anything is sent.
  function russianFileInput(input) {
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.className = 'msed-file-button';
    label.textContent = input.multiple ? 'Выбрать файлы…' : 'Выбрать файл…';
    const chosen = document.createElement('span');
    chosen.className = 'msed-file-chosen';
    const show = () => {
      const files = [...input.files];
      chosen.textContent = files.length ? files.map((f) => f.name + ' (' + size(f.size) + ')').join('; ')
        : (input.multiple ? 'Файлы не выбраны' : 'Файл не выбран');
    };
    input.classList.add('msed-file-input');
    input.addEventListener('change', show);
    input.after(label, ' ', chosen);
    show();
  }

  document.addEventListener('DOMContentLoaded', () => {
    const nav = document.getElementById('msed-nav');
    if (nav) {
      taskNavigation(nav);
    }
    document.querySelectorAll('input[type=file][id]').forEach(russianFileInput);
  });

  return {csrfToken, problem, send, getJson, size, formatDateTime, formatDate, fileProblem, say, TIME_ZONE};
})();
