const labels = {QUALIFIED: 'Усиленная квалифицированная электронная подпись действительна',
  UNQUALIFIED: 'Усиленная неквалифицированная электронная подпись действительна', INVALID: 'Подпись недействительна'};
document.getElementById('verify').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData();
  data.append('file', document.getElementById('file').files[0]);
  data.append('signature', document.getElementById('signature').files[0]);
  const response = await fetch('/api/signatures/verify', {method: 'POST', body: data, headers: {'X-XSRF-TOKEN': await msed.csrfToken()}});
  const verdict = await response.json();
  const title = document.getElementById('verdict');
  const details = document.getElementById('details');
  details.innerHTML = '';
  if (!response.ok) { title.className = 'error'; title.textContent = verdict.detail || verdict.title; return; }
  title.className = verdict.kind === 'INVALID' ? 'error' : 'ok';
  title.textContent = labels[verdict.kind] + (verdict.reason ? ': ' + verdict.reason : '');
  const c = verdict.certificate || {};
  for (const [name, value] of [['Владелец', c.owner], ['Сертификат №', c.serialNumber], ['Издатель', c.issuer],
      ['Действителен с', c.validFrom], ['Действителен по', c.validTo], ['Алгоритм', c.algorithm], ['Время подписания', verdict.signingTime || (verdict.certificate ? verdict.signingTimeText : null)]]) {
    if (!value) continue;
    const dt = document.createElement('dt'); dt.textContent = name;
    const dd = document.createElement('dd'); dd.textContent = value;
    details.append(dt, dd);
  }
});
