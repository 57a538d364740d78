// Uses the Tasklist session; changes carry the webapps' CSRF token, fetched from their API.
const documentId = new URLSearchParams(location.search).get('documentId');
const base = '/api/documents/' + encodeURIComponent(documentId) + '/attachments';
document.getElementById('doc').textContent = '№ ' + documentId;
const status = document.getElementById('status');

async function load() {
  const response = await fetch(base);
  const rows = document.getElementById('files');
  rows.innerHTML = '';
  if (!response.ok) { status.className = 'error'; status.textContent = await msed.problem(response); return; }
  for (const file of await response.json()) {
    const tr = document.createElement('tr');
    const link = document.createElement('a');
    link.href = base + '/' + file.id;
    link.textContent = file.fileName;
    const cells = [link, file.version, file.contentType, file.sizeBytes, file.sha256, file.uploadedBy];
    for (const value of cells) {
      const td = document.createElement('td');
      if (value instanceof Node) td.appendChild(value); else td.textContent = value;
      tr.appendChild(td);
    }
    rows.appendChild(tr);
  }
}

document.getElementById('upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData();
  data.append('file', document.getElementById('file').files[0]);
  const response = await fetch(base, {method: 'POST', body: data, headers: {'X-XSRF-TOKEN': await msed.csrfToken()}});
  status.className = response.ok ? 'ok' : 'error';
  status.textContent = response.ok ? 'Файл загружен.' : await msed.problem(response);
  load();
});
load();
