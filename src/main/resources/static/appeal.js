// The public appeal form: settings from the server, the citizen's data posted as multipart. Every text
// shown comes from the server's fixed messages or the settings and is set as text, never as HTML.
(() => {
  const form = document.getElementById('appeal');
  const text = document.getElementById('text');
  const files = document.getElementById('files');
  const counter = document.getElementById('counter');
  const result = document.getElementById('result');
  const error = document.getElementById('error');
  let settings = {maxTextLength: 2000, maxFiles: 5, maxFileSizeMb: 5, fileTypes: [], token: ''};

  const count = () => { counter.textContent = text.value.length + ' из ' + settings.maxTextLength + ' символов'; };

  async function load() {
    const response = await fetch('/public-api/appeals/settings');
    settings = await response.json();
    const select = document.getElementById('organization');
    for (const organization of settings.organizations) {
      select.add(new Option(organization.name, organization.code));
    }
    text.maxLength = settings.maxTextLength;
    files.accept = settings.fileTypes.map((type) => '.' + type).join(',');
    document.getElementById('fileHint').textContent = 'Не больше ' + settings.maxFiles + ' файлов, каждый до '
      + settings.maxFileSizeMb + ' МБ: ' + settings.fileTypes.join(', ') + '.';
    count();
  }

  async function problem(response) {
    try {
      const body = await response.json();
      return (body.errors || [body.detail || body.title]).join('\n');
    } catch (e) {
      return 'Обращение не отправлено. Повторите попытку позже.';
    }
  }

  text.addEventListener('input', count);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    result.textContent = '';
    const data = new FormData(form);
    data.set('consent', document.getElementById('consent').checked ? 'true' : 'false');
    data.set('token', settings.token);
    data.delete('files');
    for (const file of files.files) {
      data.append('files', file);
    }
    const send = document.getElementById('send');
    send.disabled = true;
    try {
      const response = await fetch('/public-api/appeals', {method: 'POST', body: data});
      if (response.ok) {
        result.textContent = (await response.json()).message;
        form.hidden = true;
      } else {
        error.textContent = await problem(response);
      }
    } catch (e) {
      error.textContent = 'Нет связи с сервером. Повторите попытку позже.';
    } finally {
      send.disabled = false;
    }
  });
  load();
})();
