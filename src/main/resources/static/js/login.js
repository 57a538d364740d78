// The MSED login: organization → surname → password. Both lists are searched as the user types
// (the region has thousands of organizations, some with thousands of staff); the server resolves
// the chosen person's login and creates the Camunda webapps' session, which then works in
// Tasklist, Cockpit and /api. The last organization is remembered in this browser.
(() => {
  const error = document.getElementById('error');
  const announce = document.getElementById('announce');
  const show = (text) => { error.textContent = text || ''; };
  const STORED = 'msed.login.organization';
  let organization = null;   // {code, name}
  let person = null;         // {id, name}

  async function listOrShow(url) {
    const response = await fetch(url, {headers: {'Accept': 'application/json'}});
    if (!response.ok) {
      show(await msed.problem(response));
      return [];
    }
    return response.json();
  }

  // An input with a list of suggestions (WAI-ARIA combobox pattern): arrows move, Enter chooses,
  // Escape closes; the choice is only what was picked from the list.
  function combobox(input, list, search, label, onChoose) {
    let options = [];
    let active = -1;
    let timer = null;
    let request = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(index) {
      const items = list.querySelectorAll('[role=option]');
      items.forEach((item, i) => item.setAttribute('aria-selected', i === index ? 'true' : 'false'));
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute('aria-activedescendant', items[index].id);
        items[index].scrollIntoView({block: 'nearest'});
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }
    function render() {
      list.innerHTML = '';
      options.forEach((option, i) => {
        const item = document.createElement('li');
        item.id = list.id + '-' + i;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
        item.textContent = option.label;
        if (option.detail) {
          const small = document.createElement('small');
          small.textContent = option.detail;
          item.append(small);
        }
        item.addEventListener('mousedown', (event) => { event.preventDefault(); choose(i); });
        list.append(item);
      });
      if (!options.length) {
        const item = document.createElement('li');
        item.className = 'empty';
        item.textContent = 'Ничего не найдено';
        list.append(item);
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      announce.textContent = options.length ? label + ': найдено ' + options.length : 'Ничего не найдено';
      highlight(-1);
    }
    function choose(index) {
      const option = options[index];
      if (!option) return;
      input.value = option.label;
      close();
      onChoose(option);
    }
    async function refresh() {
      const mine = ++request;
      const found = await search(input.value.trim());
      if (mine !== request || document.activeElement !== input) return;
      options = found;
      render();
    }
    input.addEventListener('input', () => {
      onChoose(null);
      clearTimeout(timer);
      timer = setTimeout(refresh, 200);
    });
    input.addEventListener('focus', () => { if (!input.value) refresh(); });
    input.addEventListener('blur', () => setTimeout(close, 100));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (list.hidden) { refresh(); return; }
        highlight(Math.min(active + 1, options.length - 1));
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === 'Enter' && !list.hidden) {
        event.preventDefault();
        choose(active >= 0 ? active : (options.length === 1 ? 0 : -1));
      } else if (event.key === 'Escape') {
        close();
      }
    });
  }

  const organizationInput = document.getElementById('organization');
  const userInput = document.getElementById('user');

  function chooseOrganization(option) {
    organization = option;
    person = null;
    userInput.value = '';
    userInput.disabled = !option;
    if (option) {
      localStorage.setItem(STORED, JSON.stringify({code: option.value, name: option.label}));
      userInput.focus();
    }
  }

  combobox(organizationInput, document.getElementById('organization-list'),
    async (q) => (await listOrShow('/login-api/organizations?q=' + encodeURIComponent(q)))
      .map((o) => ({value: o.code, label: o.name, detail: o.fullName !== o.name ? o.fullName : ''})),
    'Организации', chooseOrganization);

  combobox(userInput, document.getElementById('user-list'),
    async (q) => organization ? (await listOrShow('/login-api/organizations/' + encodeURIComponent(organization.value)
      + '/staff?q=' + encodeURIComponent(q))).map((p) => ({value: p.id, label: p.name, detail: p.position})) : [],
    'Сотрудники', (option) => {
      person = option;
      if (option) document.getElementById('password').focus();
    });

  try {
    const remembered = JSON.parse(localStorage.getItem(STORED) || 'null');
    if (remembered && remembered.code) {
      organization = {value: remembered.code, label: remembered.name};
      organizationInput.value = remembered.name;
      userInput.disabled = false;
    }
  } catch (e) {
    localStorage.removeItem(STORED);
  }

  document.getElementById('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    show('');
    if (!organization) { show('Выберите организацию из списка.'); organizationInput.focus(); return; }
    if (!person) { show('Выберите фамилию из списка.'); userInput.focus(); return; }
    const password = document.getElementById('password').value;
    if (!password) { show('Введите пароль.'); document.getElementById('password').focus(); return; }
    const response = await fetch('/login-api/login', {method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': await msed.csrfToken()},
      body: JSON.stringify({staffId: person.value, password})});
    if (!response.ok) {
      show(await msed.problem(response));
      return;
    }
    const account = await response.json();
    if (account.mustChangePassword) {
      document.getElementById('login').hidden = true;
      document.getElementById('change').hidden = false;
      document.getElementById('current').value = password;
      document.getElementById('new1').focus();
      return;
    }
    location.href = account.next;
  });

  document.getElementById('change').addEventListener('submit', async (event) => {
    event.preventDefault();
    show('');
    const response = await fetch('/api/account/password', {method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': await msed.csrfToken()},
      body: JSON.stringify({currentPassword: document.getElementById('current').value,
        newPassword: document.getElementById('new1').value, newPasswordRepeat: document.getElementById('new2').value})});
    if (!response.ok) {
      show(await msed.problem(response));
      return;
    }
    location.href = '/camunda/app/tasklist/';
  });
})();
