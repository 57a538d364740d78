// Shared by the application's pages: the webapps' CSRF token for calls made with the Tasklist
// session, and Russian messages from problem-details answers.
const msed = (() => {
  // The webapps hand the token out only when the session gets a new one: keep the last one.
  let token = null;
  async function csrfToken() {
    const response = await fetch('/camunda/api/admin/auth/user/default', {headers: {'X-XSRF-TOKEN': 'Fetch'}});
    token = response.headers.get('X-XSRF-TOKEN') || token;
    return token;
  }
  async function problem(response) {
    try {
      const body = await response.json();
      return (body.errors || [body.detail || body.title || body.message]).join('\n');
    } catch (e) {
      return response.statusText;
    }
  }
  return {csrfToken, problem};
})();
