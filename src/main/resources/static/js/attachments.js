// The files of a document: upload with progress (several files one after another), the list with
// sizes, download links. Works with the session of the MSED login (or Tasklist's).
(() => {
  const documentId = new URLSearchParams(location.search).get('documentId');
  const base = '/api/documents/' + encodeURIComponent(documentId) + '/attachments';
  const status = document.getElementById('status');
  const listStatus = document.getElementById('list-status');
  const input = document.getElementById('file');
  const send = document.getElementById('send');
  const transfer = document.getElementById('transfer');
  const progress = document.getElementById('progress');
  const percent = document.getElementById('percent');
  let limits = null;

  if (!documentId) {
    document.getElementById('upload').hidden = true;
    msed.say(listStatus, 'Не указан документ: откройте эту страницу по ссылке «Файлы документа» из задачи.');
    return;
  }
  document.getElementById('doc').textContent = '(карточка № ' + documentId + ')';

  async function loadLimits() {
    const answer = await msed.getJson('/api/attachments/limits');
    if (answer.ok) {
      limits = answer.data;
      document.getElementById('limit').textContent = 'Любой тип файла, не больше ' + msed.size(limits.maxBytes)
        + ' каждый; имя — не длиннее ' + limits.maxNameLength + ' символов.';
    }
  }

  function cell(row, content, className) {
    const td = document.createElement('td');
    if (content instanceof Node) {
      td.append(content);
    } else {
      td.textContent = content;
    }
    if (className) {
      td.className = className;
    }
    row.append(td);
  }

  async function load() {
    const answer = await msed.getJson(base);
    const rows = document.getElementById('files');
    rows.innerHTML = '';
    if (!answer.ok) {
      document.getElementById('table').hidden = true;
      msed.say(listStatus, answer.message, 'error', answer.status);
      return;
    }
    listStatus.textContent = '';
    document.getElementById('table').hidden = answer.data.length === 0;
    document.getElementById('empty').hidden = answer.data.length !== 0;
    for (const file of answer.data) {
      const tr = document.createElement('tr');
      const link = document.createElement('a');
      link.href = base + '/' + encodeURIComponent(file.id);
      link.download = file.fileName;
      link.textContent = file.fileName;
      cell(tr, link);
      if (file.version > 1) {
        tr.lastChild.append(' (версия ' + file.version + ')');
      }
      cell(tr, msed.size(file.sizeBytes), 'number');
      tr.lastChild.title = file.sizeBytes.toLocaleString('ru-RU') + ' байт';
      cell(tr, file.contentType);
      cell(tr, msed.formatDateTime(file.uploadedAt));
      const hash = document.createElement('code');
      hash.className = 'hash';
      hash.textContent = file.sha256.slice(0, 16) + '…';
      hash.title = file.sha256;
      cell(tr, hash);
      rows.append(tr);
    }
  }

  async function upload(file) {
    const problem = msed.fileProblem(file, {maxBytes: limits && limits.maxBytes});
    if (problem) {
      return {ok: false, message: problem};
    }
    if (limits && [...file.name].length > limits.maxNameLength) {
      return {ok: false, message: 'Имя файла «' + file.name.slice(0, 40) + '…» длиннее ' + limits.maxNameLength
          + ' символов: переименуйте файл и загрузите его снова.'};
    }
    const data = new FormData();
    data.append('file', file);
    progress.value = 0;
    percent.textContent = '';
    transfer.hidden = false;
    msed.say(status, 'Загрузка «' + file.name + '»…', 'progress');
    const answer = await msed.send('POST', base, data, {onProgress: (loaded, total) => {
      progress.value = Math.round(loaded * 100 / total);
      percent.textContent = progress.value + ' % (' + msed.size(loaded) + ' из ' + msed.size(total) + ')';
      if (loaded === total) {
        msed.say(status, 'Файл «' + file.name + '» передан, сервер сохраняет его…', 'progress');
      }
    }});
    transfer.hidden = true;
    return answer.ok ? {ok: true, message: 'Файл «' + file.name + '» загружен (' + msed.size(answer.data.sizeBytes) + ').'}
      : {ok: false, message: 'Файл «' + file.name + '» не загружен: ' + answer.message, status: answer.status};
  }

  document.getElementById('upload').addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = [...input.files];
    if (!files.length) {
      msed.say(status, 'Выберите файл для загрузки.');
      return;
    }
    send.disabled = true;
    const done = [];
    let failed = null;
    for (const file of files) {
      const result = await upload(file);
      if (!result.ok) {
        failed = result;
        break;
      }
      done.push(result.message);
    }
    send.disabled = false;
    if (failed) {
      msed.say(status, done.concat(failed.message).join('\n'), 'error', failed.status);
    } else {
      msed.say(status, done.join('\n'), 'ok');
      input.value = '';
      input.dispatchEvent(new Event('change'));
    }
    load();
  });

  loadLimits();
  load();
})();
