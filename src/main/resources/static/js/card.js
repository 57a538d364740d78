  // Plain DOM and textContent only: every value comes from the card and is never parsed as HTML.
  const id = new URLSearchParams(location.search).get('id');
  let zone = 'Europe/Moscow';

  /** «2026-12-11» → «11.12.2026» (a calendar date has no time zone). */
  function date(iso) {
    if (!iso) return '';
    const [y, m, d] = iso.substring(0, 10).split('-');
    return d + '.' + m + '.' + y;
  }
  /** An instant as «30.11.2026 14:05» in the organizations' time zone. */
  function time(instant) {
    if (!instant) return '';
    const parts = new Intl.DateTimeFormat('ru-RU', {timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric',
      hour: '2-digit', minute: '2-digit'}).formatToParts(new Date(instant));
    const p = Object.fromEntries(parts.map(part => [part.type, part.value]));
    return p.day + '.' + p.month + '.' + p.year + ' ' + p.hour + ':' + p.minute;
  }
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function link(href, text) {
    const a = el('a', text);
    a.href = href;
    return a;
  }
  /** A table with a header row; a cell is text or a DOM node. */
  function table(headers, rows) {
    const t = el('table');
    const head = t.createTHead().insertRow();
    headers.forEach(h => head.appendChild(el('th', h)));
    const body = t.createTBody();
    rows.forEach(cells => {
      const tr = body.insertRow();
      cells.forEach(value => {
        const td = tr.insertCell();
        if (value instanceof Node) td.appendChild(value); else td.textContent = value ?? '';
      });
    });
    return t;
  }
  function empty(text) {
    return el('p', text, 'empty');
  }
  function fill(containerId, content) {
    const container = document.getElementById(containerId);
    container.replaceChildren(content);
  }

  function requisites(card) {
    const rows = [
      ['Вид документа', card.kindLabel],
      ['Регистрационный номер', card.registrationNumber],
      ['Дата регистрации', date(card.registrationDate)],
      ['Дата поступления', date(card.receivedDate)],
      ['Корреспондент', card.correspondent],
      ['Исходящий № и дата корреспондента', [card.correspondentNumber, card.correspondentDate && 'от ' + date(card.correspondentDate)]
        .filter(Boolean).join(' ')],
      ['Кто подписал', card.signatory],
      ['Адресат', card.addressee],
      ['Адресаты', card.addressees],
      ['Подписант', card.signatoryName],
      ['Краткое содержание', card.summary],
      ['Способ доставки', card.deliveryMethodLabel],
      ['Количество листов', card.sheetCount],
      ['Гриф доступа', card.accessLevelLabel],
      ['Тематика', card.topicLabel],
      ['Карточку создал(а)', card.createdByName && card.createdByName + ', ' + time(card.createdAt)],
      ['Отметка об исполнении', card.executionMark],
      ['В дело №', card.fileReference],
      ['Списан в дело', time(card.closedAt)],
    ];
    const body = document.getElementById('requisites');
    body.replaceChildren();
    for (const [label, value] of rows) {
      if (value === null || value === undefined || value === '') continue;
      const tr = body.insertRow();
      tr.appendChild(el('th', label));
      tr.appendChild(el('td', String(value), 'text'));
    }
  }

  function files(card) {
    if (!card.attachments.length) return fill('files', empty('Файлов нет.'));
    fill('files', table(['Файл', 'Размер', 'Загрузил(а)', 'Когда', 'SHA-256'], card.attachments.map(f => [
      link('/api/documents/' + encodeURIComponent(card.id) + '/attachments/' + f.id, f.fileName),
      f.sizeBytes < 1024 ? f.sizeBytes + ' Б' : (f.sizeBytes / 1024).toLocaleString('ru-RU', {maximumFractionDigits: 1}) + ' КБ',
      f.uploadedByName, time(f.uploadedAt), el('span', f.sha256.substring(0, 16) + '…', 'hash')])));
  }

  function resolution(r) {
    const box = el('section', null, 'resolution');
    const title = el('h3', 'Резолюция: ' + r.statusLabel.toLowerCase());
    if (r.onControl) {
      title.append(' ');
      title.appendChild(el('span', 'К', 'control')).title = 'На контроле';
    }
    box.appendChild(title);
    box.appendChild(el('p', r.text, 'text'));
    const people = [
      'Ответственный исполнитель: ' + r.responsibleExecutorName,
      r.coExecutorNames.length ? 'соисполнители: ' + r.coExecutorNames.join(', ') : null,
      'срок: ' + date(r.deadline),
    ].filter(Boolean).join('; ');
    box.appendChild(el('p', people));
    const authorship = ['Проект: ' + r.draftedByName + ', ' + time(r.draftedAt)];
    if (r.approvedByName) authorship.push('утвердил(а): ' + r.approvedByName + ', ' + time(r.approvedAt));
    box.appendChild(el('p', authorship.join('; ')));
    if (r.managerComment) box.appendChild(el('p', 'Замечания руководителя: ' + r.managerComment));

    if (r.assignments.length) {
      box.appendChild(table(['Исполнитель', 'Срок', 'Состояние', 'Исполнено'], r.assignments.map(a => {
        const state = el('span', a.statusLabel + (a.overdue ? ' · срок пропущен' : ''), a.overdue ? 'overdue' : null);
        return [a.executorName + (a.responsible ? ' (ответственный)' : ''), date(a.dueDate), state, time(a.completedAt)];
      })));
      const reports = r.assignments.flatMap(a => a.reports);
      if (reports.length) {
        box.appendChild(el('h3', 'Отчёты и информация соисполнителей'));
        box.appendChild(table(['Кто', 'Когда', 'Что', 'Текст', 'Решение контролёра'], reports
          .sort((x, y) => x.submittedAt.localeCompare(y.submittedAt)).map(rep => [
            rep.authorName, time(rep.submittedAt), rep.kindLabel, el('span', rep.text, 'text'),
            rep.decisionLabel ? rep.decisionLabel + ' (' + rep.decidedByName + ', ' + time(rep.decidedAt) + ')'
              + (rep.controllerComment ? ': ' + rep.controllerComment : '') : ''])));
      }
    }
    if (r.extensions.length) {
      box.appendChild(el('h3', 'Запросы на перенос срока'));
      box.appendChild(table(['Кто просит', 'Когда', 'С какого срока', 'На какой', 'Причина', 'Решение'], r.extensions.map(e => [
        e.requestedByName, time(e.requestedAt), date(e.currentDeadline), date(e.requestedDeadline), e.reason,
        e.decisionLabel + (e.decidedByName ? ' (' + e.decidedByName + ', ' + time(e.decidedAt) + ')' : '')
          + (e.comment ? ': ' + e.comment : '')])));
    }
    return box;
  }

  function visasAndSignatures(card) {
    fill('visas', card.visas.length
      ? table(['Круг', 'Согласующий', 'Решение', 'Замечания', 'Когда'], card.visas.map(v => [
          v.round, v.approverName, v.decisionLabel, v.comment, time(v.decidedAt)]))
      : empty('Виз нет.'));
    fill('signatures', card.signatures.length
      ? table(['Подпись', 'Подписал(а)', 'Когда', 'Сертификат', 'Файл (SHA-256)'], card.signatures.map(s => [
          s.kindLabel, s.signerName, time(s.signedAt),
          s.certificateSerial ? '№ ' + s.certificateSerial + ', ' + s.certificateOwner + ', действителен с '
            + time(s.validFrom).substring(0, 10) + ' по ' + time(s.validTo).substring(0, 10) : '',
          el('span', s.fileSha256.substring(0, 16) + '…', 'hash')]))
      : empty('Подписей нет.'));
  }

  function render(card) {
    zone = card.timeZone || zone;
    document.title = (card.registrationNumber || 'Карточка № ' + card.id) + ' — МСЭД';
    document.getElementById('kind').textContent = card.kindLabel + ' документ';
    document.getElementById('number').textContent = card.registrationNumber
      ? '№ ' + card.registrationNumber + (card.registrationDate ? ' от ' + date(card.registrationDate) : '')
      : '(не зарегистрирован, карточка № ' + card.id + ')';
    document.getElementById('status').textContent = card.statusLabel;
    document.getElementById('summary-line').textContent = card.summary || '';
    document.getElementById('files-link').href = '/attachments.html?documentId=' + encodeURIComponent(card.id);
    requisites(card);
    files(card);
    const resolutions = document.getElementById('resolutions');
    resolutions.replaceChildren(...(card.resolutions.length ? card.resolutions.map(resolution) : [empty('Резолюций нет.')]));
    visasAndSignatures(card);
    msedExchange.render(card);
    fill('history', table(['Когда', 'Кто', 'Что', 'Подробности'], card.history.map(h => [
      time(h.at), h.actorName, h.label, el('span', h.details, 'text')])));
    document.getElementById('card').hidden = false;
    document.getElementById('actions').hidden = false;
  }

  async function load() {
    const message = document.getElementById('message');
    if (!id || !/^\d+$/.test(id)) {
      message.textContent = 'Не указан номер карточки: откройте страницу по ссылке из задачи (card.html?id=…).';
      message.hidden = false;
      return;
    }
    const response = await fetch('/api/documents/' + encodeURIComponent(id), {headers: {Accept: 'application/json'}});
    if (response.status === 401) {
      message.replaceChildren('Войдите в МСЭД, чтобы открыть карточку: ', link('/', 'страница входа'), '.');
      message.hidden = false;
      return;
    }
    if (!response.ok) {
      message.textContent = await msed.problem(response);
      message.hidden = false;
      return;
    }
    render(await response.json());
  }
  document.getElementById('print').addEventListener('click', () => window.print());
  load();
