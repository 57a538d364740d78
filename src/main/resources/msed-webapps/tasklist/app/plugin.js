// МСЭД additions to Camunda Tasklist, loaded as a webapp plugin (ru.msed.tasklist.MsedTasklistPlugin):
//  - the number of tasks on every folder, not only the open one (Tasklist 7.24 counts the open folder only);
//  - each user's own folder opened first (the filter property "home" names the groups it is home to);
//  - links in forms (card, files, signing pages) open in a new tab, so the form stays as it was;
//  - «Create task» only for technical support (the engine refuses ad-hoc tasks from anybody else).
// No framework: the DOM Tasklist renders, and the engine REST API with the Tasklist session.

const ENGINE = '/camunda/api/engine/engine/default';
const REFRESH_MS = 20000;
const SUPPORT_GROUP = 'camunda-admin';
// Read before Tasklist writes its default folder into the address: did the user ask for a folder?
const folderAsked = /[?&]filter=/.test(window.location.hash);

async function json(path) {
  const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

// Links in forms: a new tab keeps the half-filled form.
document.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('.fjs-container a[href]') : null;
  if (link) {
    link.target = '_blank';
    link.rel = 'noopener';
  }
}, true);

let counts = {};

function folderName(item) {
  const anchor = item.querySelector('h4 a');
  const text = anchor && anchor.firstChild;
  return text && text.nodeType === Node.TEXT_NODE ? text.textContent.trim() : null;
}

/** Puts the count beside every folder name; the open folder shows Tasklist's own counter. */
function paint() {
  document.querySelectorAll('.task-filters .task-filter').forEach(item => {
    const anchor = item.querySelector('h4 a');
    const name = folderName(item);
    if (!anchor || !name) {
      return;
    }
    let badge = anchor.querySelector('.msed-count');
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'msed-count';
      anchor.appendChild(badge);
    }
    const text = counts[name] === undefined ? '' : String(counts[name]);
    if (badge.textContent !== text) {
      badge.textContent = text;
    }
    const hidden = item.classList.contains('active');
    if (badge.hidden !== hidden) {
      badge.hidden = hidden;
    }
  });
}

async function refreshCounts() {
  try {
    const folders = await json(ENGINE + '/filter?resourceType=Task&itemCount=true');
    counts = Object.fromEntries(folders.map(folder => [folder.name, folder.itemCount]));
    paint();
    return folders;
  } catch (e) {
    return [];
  }
}

async function currentUserGroups() {
  const user = await json('/camunda/api/admin/auth/user/default');
  const groups = await json(ENGINE + '/group?member=' + encodeURIComponent(user.userId));
  return groups.map(group => group.id);
}

/** Opens the user's own folder when they did not ask for one (support passes every check and sees all folders). */
function openHome(folders, groups) {
  if (folderAsked) {
    return;
  }
  const home = folders
    .filter(folder => (folder.properties.home || []).some(group => groups.includes(group)))
    .sort((a, b) => (a.properties.priority || 0) - (b.properties.priority || 0))[0];
  if (home && !window.location.hash.includes('filter=' + home.id)) {
    window.location.hash = '#/?filter=' + encodeURIComponent(home.id);
  }
}

async function start() {
  const folders = await refreshCounts();
  try {
    const groups = await currentUserGroups();
    document.documentElement.classList.toggle('msed-support', groups.includes(SUPPORT_GROUP));
    openHome(folders, groups);
  } catch (e) {
    // Not logged in yet: the login form is shown; counts come with the next refresh.
  }
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      paint();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true});

window.addEventListener('hashchange', refreshCounts);
setInterval(() => {
  if (!document.hidden) {
    refreshCounts();
  }
}, REFRESH_MS);
start();

export default [];
