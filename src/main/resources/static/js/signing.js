const id = new URLSearchParams(location.search).get('documentId');
document.getElementById('doc').textContent = id;
document.getElementById('files').href = '/attachments.html?documentId=' + encodeURIComponent(id);
document.getElementById('pdf').href = '/api/documents/' + encodeURIComponent(id) + '/printable.pdf';
const message = document.getElementById('message');
async function report(response, ok) {
  if (response.ok) { message.className = 'ok'; message.textContent = ok; return; }
  message.className = 'error'; message.textContent = await msed.problem(response);
}
document.getElementById('simple').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/api/documents/' + encodeURIComponent(id) + '/signatures/simple', {method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': await msed.csrfToken()},
    body: JSON.stringify({password: document.getElementById('password').value})});
  document.getElementById('password').value = '';
  report(response, 'Подписано. Завершите задачу «Подписать документ» в Tasklist.');
});
document.getElementById('enhanced').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData();
  data.append('signature', document.getElementById('signature').files[0]);
  const response = await fetch('/api/documents/' + encodeURIComponent(id) + '/signatures/enhanced',
    {method: 'POST', body: data, headers: {'X-XSRF-TOKEN': await msed.csrfToken()}});
  report(response, 'Подпись проверена и сохранена. Завершите задачу «Подписать документ» в Tasklist.');
});
