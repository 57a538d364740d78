const message = document.getElementById('message');
const say = (text, ok) => { message.className = ok ? 'ok' : 'error'; message.textContent = text; };
const id = new URLSearchParams(location.search).get('request');

async function show() {
  const response = await fetch('/api/onboarding/requests/' + encodeURIComponent(id));
  if (!response.ok) { say(await msed.problem(response)); return; }
  const request = await response.json();
  document.getElementById('new').hidden = true;
  document.getElementById('existing').hidden = false;
  document.getElementById('number').textContent = request.id;
  document.getElementById('status').textContent = request.status;
  document.getElementById('problems').textContent = request.problems.join('\n');
  document.getElementById('correct').hidden = request.status !== 'RETURNED';
}

document.getElementById('submit').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData();
  data.append('workbook', document.getElementById('workbook').files[0]);
  data.append('letter', document.getElementById('letter').files[0]);
  const signature = document.getElementById('signature').files[0];
  if (signature) data.append('signature', signature);
  const response = await fetch('/api/onboarding/requests', {method: 'POST', body: data, headers: {'X-XSRF-TOKEN': await msed.csrfToken()}});
  if (!response.ok) { say(await msed.problem(response)); return; }
  const created = await response.json();
  location.search = '?request=' + created.id;
});

document.getElementById('correct').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData();
  data.append('workbook', document.getElementById('corrected').files[0]);
  const response = await fetch('/api/onboarding/requests/' + encodeURIComponent(id) + '/workbook',
    {method: 'POST', body: data, headers: {'X-XSRF-TOKEN': await msed.csrfToken()}});
  if (!response.ok) { say(await msed.problem(response)); return; }
  say('Исправленная книга загружена. Завершите задачу «Исправить заявку» в Tasklist.', true);
  show();
});
if (id) show();
