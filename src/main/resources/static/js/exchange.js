// Containers for outside systems. Uses the Tasklist session; changes carry the webapps' CSRF token.
function say(id, text, ok) {
  const node = document.getElementById(id);
  node.className = ok ? 'ok' : 'error';
  node.replaceChildren(text);
  return node;
}

function cardLink(documentId, text) {
  const a = document.createElement('a');
  a.href = '/card.html?id=' + encodeURIComponent(documentId);
  a.textContent = text;
  return a;
}

async function upload(url, file, extra) {
  const data = new FormData();
  data.append('container', file);
  Object.entries(extra || {}).forEach(([k, v]) => v && data.append(k, v));
  return fetch(url, {method: 'POST', body: data, headers: {'X-XSRF-TOKEN': await msed.csrfToken()}});
}

document.getElementById('export').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = document.getElementById('export-id').value.trim();
  const url = '/api/exchange/documents/' + encodeURIComponent(id) + '/container';
  const response = await fetch(url, {method: 'GET'});
  if (!response.ok) { say('export-status', await msed.problem(response)); return; }
  const blob = await response.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = (response.headers.get('Content-Disposition') || '').match(/filename="?([^";]+)/)?.[1] || 'container.zip';
  a.textContent = 'Скачать ' + a.download;
  say('export-status', '', true).appendChild(a);
  a.click();
});

document.getElementById('import').addEventListener('submit', async (event) => {
  event.preventDefault();
  const select = document.getElementById('import-organization');
  const response = await upload('/api/exchange/containers', document.getElementById('import-file').files[0],
    {organization: document.getElementById('import-organization-label').hidden ? '' : select.value});
  if (!response.ok) { say('import-status', await msed.problem(response)); return; }
  const result = await response.json();
  const status = say('import-status', result.duplicate ? 'Этот контейнер уже загружен: ' : 'Документ поступил: ', true);
  status.appendChild(cardLink(result.documentId, 'карточка № ' + result.documentId));
  status.append(result.duplicate ? '.' : '. Регистратор найдёт его в папке «Входящие документы».');
});

document.getElementById('notice-import').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await upload('/api/exchange/notices', document.getElementById('notice-file').files[0]);
  if (!response.ok) { say('notice-status', await msed.problem(response)); return; }
  const result = await response.json();
  say('notice-status', result.duplicate ? 'Это уведомление уже загружено.' : 'Уведомление принято: оно в карточке документа.', true);
});

async function notices() {
  const box = document.getElementById('notices');
  const response = await fetch('/api/exchange/notices');
  if (!response.ok) { box.replaceChildren(await msed.problem(response)); return; }
  const list = await response.json();
  if (!list.length) { box.replaceChildren('Уведомлений для внешних систем нет.'); return; }
  const table = document.createElement('table');
  table.createTHead().insertRow().append(...['Когда', 'Уведомление', 'Подробности', 'Состояние', ''].map(h => {
    const th = document.createElement('th'); th.textContent = h; return th;
  }));
  const body = table.createTBody();
  for (const n of list) {
    const row = body.insertRow();
    const a = document.createElement('a');
    a.href = '/api/exchange/notices/' + encodeURIComponent(n.id) + '/container';
    a.textContent = 'Выгрузить';
    [new Date(n.createdAt).toLocaleString('ru-RU'), n.kind, n.text || n.registrationNumber || '',
      n.status === 'EXPORTED' ? 'выгружено' : 'ожидает выгрузки', a].forEach(value => {
      const td = row.insertCell();
      if (value instanceof Node) td.appendChild(value); else td.textContent = value;
    });
  }
  box.replaceChildren(table);
}

async function organizations() {
  // Technical support chooses the organization; a registrar imports into their own.
  const me = await fetch('/api/account');
  if (me.status !== 404) return; // staff of an organization (support has no employee record)
  const response = await fetch('/api/exchange/organizations');
  const select = document.getElementById('import-organization');
  for (const o of await response.json()) select.add(new Option(o.name + ' (' + o.code + ')', o.code));
  document.getElementById('import-organization-label').hidden = false;
}

notices();
organizations();
