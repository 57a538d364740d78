// The card page's «Обмен МСЭД» section: where an arrived document came from and what its steps sent
// back, and for a document sent to organizations a timeline per recipient. Uses the card page's own
// helpers (el, table, time, date, link, empty); values only ever go in as text.
const msedExchange = (() => {
  function linked(l) {
    const number = l.registrationNumber
      ? '№ ' + l.registrationNumber + (l.registrationDate ? ' от ' + date(l.registrationDate) : '')
      : 'карточка № ' + l.documentId;
    return link('/card.html?id=' + encodeURIComponent(l.documentId), number + (l.summary ? ' — ' + l.summary : ''));
  }

  function paragraph(label, nodes) {
    const p = el('p', label);
    nodes.forEach((node, i) => {
      if (i) p.append(', ');
      p.appendChild(node);
    });
    return p;
  }

  function events(list) {
    return table(['Когда', 'Событие', 'Подробности'], list.map(e => [
      time(e.at), e.label + (e.deliveryLabel ? ' (' + e.deliveryLabel + ')' : ''), el('span', e.details, 'text')]));
  }

  function render(card) {
    const x = card.exchange;
    const box = document.getElementById('exchange');
    const title = document.getElementById('exchange-title');
    const exportable = card.kind === 'OUTGOING' && card.registrationNumber;
    const any = x && (x.arrived || x.recipients.length || x.replyTo || x.answers.length);
    box.hidden = title.hidden = !(any || exportable);
    if (box.hidden) return;
    box.replaceChildren();
    if (exportable) {
      const p = el('p', null, 'no-print');
      p.appendChild(link('/api/exchange/documents/' + encodeURIComponent(card.id) + '/container',
        'Выгрузить транспортный контейнер для внешней системы'));
      box.appendChild(p);
    }
    if (x.replyTo) box.appendChild(paragraph('В ответ на: ', [linked(x.replyTo)]));
    if (x.answers.length) box.appendChild(paragraph('Ответы на этот документ: ', x.answers.map(linked)));
    if (x.arrived) {
      const a = x.arrived;
      box.appendChild(el('h3', 'Поступил: ' + a.sourceLabel + ', ' + time(a.arrivedAt)));
      box.appendChild(el('p', 'Отправитель: ' + a.sender + (a.senderNumber ? ', исх. № ' + a.senderNumber : '')
        + (a.senderDate ? ' от ' + date(a.senderDate) : '')));
      box.appendChild(a.noticesSent.length ? events(a.noticesSent) : empty('Уведомлений отправителю ещё не было.'));
    }
    for (const r of x.recipients) {
      const section = el('section', null, 'recipient');
      section.dataset.organization = r.organizationCode;
      section.appendChild(el('h3', r.organizationName + ' (' + r.organizationCode + '): ' + r.statusLabel));
      section.appendChild(events(r.events));
      if (r.answers.length) section.appendChild(paragraph('Ответ получен: ', r.answers.map(linked)));
      box.appendChild(section);
    }
  }

  return {render};
})();
