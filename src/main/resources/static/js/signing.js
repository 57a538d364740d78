// Signing a document's current file: simply (the password again) or with a detached enhanced
// signature; the document's signatures listed with the file version each covers.
(() => {
  const id = new URLSearchParams(location.search).get('documentId');
  const message = document.getElementById('message');
  const kinds = {SIMPLE: 'Простая электронная подпись',
    UNQUALIFIED: 'Усиленная неквалифицированная электронная подпись',
    QUALIFIED: 'Усиленная квалифицированная электронная подпись'};
  const next = ' Вернитесь к задаче «Подписать документ», отметьте «Документ подписан» и завершите её.';
  if (!id) {
    document.querySelectorAll('form').forEach((form) => { form.hidden = true; });
    msed.say(message, 'Не указан документ: откройте эту страницу по ссылке из задачи «Подписать документ».');
    return;
  }
  const documentPath = '/api/documents/' + encodeURIComponent(id);
  document.getElementById('doc').textContent = '(карточка № ' + id + ')';
  document.getElementById('files').href = '/attachments.html?documentId=' + encodeURIComponent(id);
  document.getElementById('pdf').href = documentPath + '/printable.pdf';

  let current = null;
  let files = [];

  async function load() {
    const [attachments, signatures] = await Promise.all([msed.getJson(documentPath + '/attachments'),
      msed.getJson(documentPath + '/signatures')]);
    const currentFile = document.getElementById('current-file');
    if (!attachments.ok) {
      msed.say(currentFile, attachments.message, 'error', attachments.status);
      return;
    }
    files = attachments.data;
    current = files.reduce((latest, file) => (!latest || file.id > latest.id ? file : latest), null);
    if (current) {
      currentFile.className = '';
      currentFile.textContent = '«' + current.fileName + '», ' + msed.size(current.sizeBytes) + ', загружен '
        + msed.formatDateTime(current.uploadedAt) + ' (SHA-256 ' + current.sha256.slice(0, 16) + '…)';
    } else {
      msed.say(currentFile, 'У документа нет файла: подписывать нечего. Загрузите файл на странице файлов документа.');
    }
    if (signatures.ok) {
      showSignatures(signatures.data);
    }
  }

  function showSignatures(signatures) {
    const rows = document.getElementById('signatures');
    rows.innerHTML = '';
    document.getElementById('no-signatures').hidden = signatures.length > 0;
    document.getElementById('signatures-table').hidden = signatures.length === 0;
    for (const signature of signatures) {
      const file = files.find((f) => f.id === signature.attachmentId);
      const covers = current && signature.attachmentId === current.id && signature.fileSha256 === current.sha256;
      const tr = document.createElement('tr');
      const values = [kinds[signature.kind] || signature.kind, msed.formatDateTime(signature.signedAt),
        (file ? '«' + file.fileName + '»' : 'файл № ' + signature.attachmentId)
          + (covers ? ' — текущая версия' : ' — прежняя версия, новую эта подпись не покрывает'),
        signature.certificateOwner ? signature.certificateOwner + ', № ' + signature.certificateSerial : '—'];
      for (const value of values) {
        const td = document.createElement('td');
        td.textContent = value;
        tr.append(td);
      }
      rows.append(tr);
    }
  }

  document.getElementById('simple').addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = document.getElementById('password');
    if (!password.value) {
      msed.say(message, 'Введите пароль, с которым входите в МСЭД.');
      password.focus();
      return;
    }
    const button = document.getElementById('sign-simple');
    button.disabled = true;
    msed.say(message, 'Подписание…', 'progress');
    const answer = await msed.send('POST', documentPath + '/signatures/simple', {password: password.value});
    password.value = '';
    button.disabled = false;
    if (answer.ok) {
      msed.say(message, 'Документ подписан простой электронной подписью.' + next, 'ok');
    } else {
      msed.say(message, answer.message, 'error', answer.status);
    }
    load();
  });

  document.getElementById('enhanced').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('signature').files[0];
    const problem = msed.fileProblem(file, {what: 'файл открепленной подписи (.sig, .p7s)'});
    if (problem) {
      msed.say(message, problem);
      return;
    }
    const data = new FormData();
    data.append('signature', file);
    const button = document.getElementById('sign-enhanced');
    const transfer = document.getElementById('transfer');
    button.disabled = true;
    transfer.hidden = false;
    msed.say(message, 'Проверка подписи…', 'progress');
    const answer = await msed.send('POST', documentPath + '/signatures/enhanced', data,
      {onProgress: (loaded, total) => { document.getElementById('progress').value = Math.round(loaded * 100 / total); }});
    button.disabled = false;
    transfer.hidden = true;
    if (answer.ok) {
      msed.say(message, 'Подпись проверена и принята: ' + (kinds[answer.data.kind] || answer.data.kind).toLowerCase()
        + ', владелец сертификата ' + answer.data.certificateOwner + '.' + next, 'ok');
      document.getElementById('signature').value = '';
      document.getElementById('signature').dispatchEvent(new Event('change'));
    } else {
      msed.say(message, answer.message, 'error', answer.status);
    }
    load();
  });

  load();
})();
