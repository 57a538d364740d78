// Checks any file against its detached signature; nothing is stored.
(() => {
  const labels = {QUALIFIED: 'Усиленная квалифицированная электронная подпись действительна',
    UNQUALIFIED: 'Усиленная неквалифицированная электронная подпись действительна', INVALID: 'Подпись недействительна'};
  const message = document.getElementById('message');
  const title = document.getElementById('verdict');
  const details = document.getElementById('details');
  let maxBytes = null;

  msed.getJson('/api/attachments/limits').then((answer) => { if (answer.ok) maxBytes = answer.data.maxBytes; });

  document.getElementById('verify').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('file').files[0];
    const signature = document.getElementById('signature').files[0];
    title.textContent = '';
    details.innerHTML = '';
    const problem = msed.fileProblem(file, {what: 'файл документа', maxBytes})
      || msed.fileProblem(signature, {what: 'файл открепленной подписи (.sig, .p7s)'});
    if (problem) {
      msed.say(message, problem);
      return;
    }
    const data = new FormData();
    data.append('file', file);
    data.append('signature', signature);
    const button = document.getElementById('check');
    const transfer = document.getElementById('transfer');
    button.disabled = true;
    transfer.hidden = false;
    msed.say(message, 'Проверка…', 'progress');
    const answer = await msed.send('POST', '/api/signatures/verify', data, {onProgress: (loaded, total) => {
      const progress = document.getElementById('progress');
      progress.value = Math.round(loaded * 100 / total);
      document.getElementById('percent').textContent = progress.value + ' %';
    }});
    button.disabled = false;
    transfer.hidden = true;
    if (!answer.ok) {
      msed.say(message, answer.message, 'error', answer.status);
      return;
    }
    message.textContent = '';
    const verdict = answer.data;
    title.className = verdict.kind === 'INVALID' ? 'error' : 'ok';
    title.textContent = labels[verdict.kind] + (verdict.reason ? ': ' + verdict.reason : '');
    const c = verdict.certificate;
    const rows = [['Файл', file.name + ' (' + msed.size(file.size) + ')'], ['Подпись', signature.name]];
    if (c) {
      rows.push(['Владелец сертификата', c.owner], ['Сертификат №', c.serialNumber], ['Издатель', c.issuer],
        ['Действителен с', msed.formatDateTime(c.validFrom)], ['Действителен по', msed.formatDateTime(c.validTo)],
        ['Алгоритм', c.algorithm],
        ['Время подписания', verdict.signingTime ? msed.formatDateTime(verdict.signingTime) : verdict.signingTimeText]);
    }
    for (const [name, value] of rows) {
      if (!value) continue;
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = value;
      details.append(dt, dd);
    }
  });
})();
