// Connection requests: submitting the workbook with the head's letter, seeing what the automatic
// check found (every problem by row), and sending the corrected workbook.
(() => {
  const message = document.getElementById('message');
  const id = new URLSearchParams(location.search).get('request');
  const statuses = {SUBMITTED: 'подана, проверяется', RETURNED: 'возвращена на исправление',
    UNDER_REVIEW: 'проверена, рассматривается технической поддержкой (до 2 рабочих дней)', REJECTED: 'отклонена',
    PROVISIONED: 'исполнена: организация и пользователи подключены'};
  const WORKBOOK = {what: 'заполненную книгу заявки (.xlsx)', maxBytes: 5 * 1024 * 1024, extensions: ['.xlsx'],
    kind: 'Excel .xlsx по шаблону заявки (старый формат .xls и другие не принимаются)'};
  const LETTER = {what: 'письмо за подписью руководителя', maxBytes: 20 * 1024 * 1024};

  function progress(loaded, total) {
    const bar = document.getElementById('progress');
    bar.value = Math.round(loaded * 100 / total);
    document.getElementById('percent').textContent = bar.value + ' % (' + msed.size(loaded) + ' из ' + msed.size(total) + ')';
  }

  async function upload(url, data, button) {
    const transfer = document.getElementById('transfer');
    button.disabled = true;
    transfer.hidden = false;
    msed.say(message, 'Отправка…', 'progress');
    const answer = await msed.send('POST', url, data, {onProgress: progress});
    button.disabled = false;
    transfer.hidden = true;
    if (!answer.ok) {
      msed.say(message, answer.message, 'error', answer.status);
    }
    return answer;
  }

  async function show() {
    const answer = await msed.getJson('/api/onboarding/requests/' + encodeURIComponent(id));
    if (!answer.ok) {
      msed.say(message, answer.message, 'error', answer.status);
      return;
    }
    const request = answer.data;
    document.getElementById('new').hidden = true;
    document.getElementById('existing').hidden = false;
    document.getElementById('number').textContent = request.id;
    document.getElementById('status').textContent = statuses[request.status] || request.status;
    document.getElementById('reason').hidden = !request.decisionReason;
    document.getElementById('reason-text').textContent = request.decisionReason || '';
    const list = document.getElementById('problems');
    list.innerHTML = '';
    const returned = request.status === 'RETURNED';
    for (const problem of returned ? request.problems : []) {
      const item = document.createElement('li');
      item.textContent = problem;
      list.append(item);
    }
    document.getElementById('problems-block').hidden = !returned || request.problems.length === 0;
    document.getElementById('correct').hidden = !returned;
  }

  document.getElementById('submit').addEventListener('submit', async (event) => {
    event.preventDefault();
    const workbook = document.getElementById('workbook').files[0];
    const letter = document.getElementById('letter').files[0];
    const signature = document.getElementById('signature').files[0];
    const problem = msed.fileProblem(workbook, WORKBOOK) || msed.fileProblem(letter, LETTER)
      || (signature ? msed.fileProblem(signature, {what: 'подпись письма'}) : null);
    if (problem) {
      msed.say(message, problem);
      return;
    }
    const data = new FormData();
    data.append('workbook', workbook);
    data.append('letter', letter);
    if (signature) data.append('signature', signature);
    const answer = await upload('/api/onboarding/requests', data, document.getElementById('send'));
    if (answer.ok) {
      location.search = '?request=' + encodeURIComponent(answer.data.id);
    }
  });

  document.getElementById('correct').addEventListener('submit', async (event) => {
    event.preventDefault();
    const workbook = document.getElementById('corrected').files[0];
    const problem = msed.fileProblem(workbook, WORKBOOK);
    if (problem) {
      msed.say(message, problem);
      return;
    }
    const data = new FormData();
    data.append('workbook', workbook);
    const answer = await upload('/api/onboarding/requests/' + encodeURIComponent(id) + '/workbook', data,
      document.getElementById('send-corrected'));
    if (answer.ok) {
      msed.say(message, 'Исправленная книга загружена. Вернитесь к задаче «Исправить заявку», отметьте «Исправленная книга '
        + 'загружена» и завершите её: заявка будет проверена снова.', 'ok');
      show();
    }
  });

  if (id) show();
})();
