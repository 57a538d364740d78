// «Контроль исполнения»: the controllers' page in Cockpit (ru.msed.control.ControlCockpitPlugin).
// Overdue assignments of the controller's organization across every version of every diagram, the ones
// closed late, links to the card and to the running instance, and the Excel execution report.
// Data: the application's GET /api/control/overdue, with the Cockpit session. DOM and textContent only.

const PATH = '/msed-control';

function date(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.substring(0, 10).split('-');
  return d + '.' + m + '.' + y;
}

function dateOf(instant, zone) {
  if (!instant) return '';
  const p = Object.fromEntries(new Intl.DateTimeFormat('ru-RU', {timeZone: zone, day: '2-digit', month: '2-digit',
    year: 'numeric'}).formatToParts(new Date(instant)).map(part => [part.type, part.value]));
  return p.day + '.' + p.month + '.' + p.year;
}

function days(n) {
  const last = n % 10, lastTwo = n % 100;
  const word = last === 1 && lastTwo !== 11 ? 'день'
    : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'дня' : 'дней';
  return n + ' ' + word;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function link(href, text, newTab) {
  const a = el('a', text);
  a.href = href;
  if (newTab) {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  return a;
}

function extensions(row, zone) {
  if (!row.extensions.length) return '—';
  return row.extensions.map(e => 'на ' + date(e.requestedDeadline) + ' (запрос ' + e.requestedByName + ' от '
    + dateOf(e.requestedAt, zone) + ', ' + e.decision + ')').join('; ');
}

function table(rows, board, closed) {
  if (!rows.length) {
    return el('p', closed ? 'Нет поручений, исполненных с опозданием.' : 'Просроченных поручений нет.', 'msed-empty');
  }
  const t = el('table', null, 'table table-bordered msed-control-table');
  const head = t.createTHead().insertRow();
  ['Документ', 'Исполнитель', 'Срок', closed ? 'Исполнено' : 'Просрочено', 'Перенос срока', 'Ссылки']
    .forEach(h => head.appendChild(el('th', h)));
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.className = 'msed-control-row';
    const documentCell = tr.insertCell();
    documentCell.appendChild(el('strong', row.registrationNumber || 'Карточка № ' + row.documentId));
    documentCell.appendChild(el('div', row.summary || ''));
    tr.insertCell().textContent = row.executorName + (row.responsible ? ' (ответственный)' : '');
    tr.insertCell().textContent = date(row.dueDate);
    tr.insertCell().textContent = closed
      ? dateOf(row.completedAt, board.timeZone) + ', на ' + days(row.daysLate) + ' позже'
      : days(row.daysLate);
    tr.insertCell().textContent = extensions(row, board.timeZone);
    const links = tr.insertCell();
    links.appendChild(link(row.cardUrl, 'Карточка', true));
    if (row.instanceUrl) {
      links.append(' · ');
      links.appendChild(link(row.instanceUrl, 'Процесс'));
    }
  }
  return t;
}

/** @param onDashboard the dashboard is everybody's: those the list is not for see nothing there */
async function render(node, onDashboard) {
  node.replaceChildren(el('p', 'Загрузка…'));
  let board;
  try {
    const response = await fetch('/api/control/overdue', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (response.status === 403 && onDashboard) {
      node.replaceChildren();
      return;
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch (e) { /* not a problem body */ }
      node.replaceChildren(el('p', detail, 'msed-error'));
      return;
    }
    board = await response.json();
  } catch (e) {
    node.replaceChildren(el('p', 'Не удалось загрузить список: ' + e.message, 'msed-error'));
    return;
  }
  const root = el('div', null, 'msed-control');
  root.appendChild(el('h2', 'Контроль исполнения — ' + board.organization));
  const intro = el('p', 'На ' + date(board.today) + '. Поручения всех версий регламентов. ');
  intro.appendChild(link(board.reportUrl, 'Отчёт об исполнении (Excel) за ' + board.closedLateDays + ' дней'));
  root.appendChild(intro);
  root.appendChild(el('h3', 'Просроченные поручения: ' + board.overdue.length));
  root.appendChild(table(board.overdue, board, false));
  root.appendChild(el('h3', 'Исполнены с опозданием за ' + board.closedLateDays + ' дней: ' + board.closedLate.length));
  root.appendChild(table(board.closedLate, board, true));
  node.replaceChildren(root);
}

export default [
  {
    id: 'msed-control-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: node => {
      node.replaceChildren(link('#' + PATH, 'Контроль исполнения'));
    },
    properties: {path: PATH},
  },
  {
    id: 'msed-control-page',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: node => {
      render(node, false);
    },
    properties: {path: PATH, label: 'Контроль исполнения'},
  },
  {
    id: 'msed-control-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => {
      render(node, true);
    },
  },
];
