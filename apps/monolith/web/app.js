// The Mythical Mysfits page: plain JavaScript against the same-origin API, no build step.
// The access token lives only in this module's memory. The refresh token is in an HttpOnly cookie that
// only the /auth/session routes receive, so a reload or a second tab resumes the session from it.

const $ = (selector) => document.querySelector(selector);

/** A new element with properties (className, textContent…) or attributes (role, aria-*, data-*), and children. */
function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'role' || key.startsWith('aria-') || key.startsWith('data-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children);
  return node;
}

/** Every request gives up after this long; the services' own budgets (a few seconds) are far shorter. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Renew the access token this long before it expires. */
const RENEW_AHEAD_SECONDS = 60;
/** Sent with every session request: the server refuses those without it (a cross-site form cannot add it). */
const SESSION_HEADERS = { 'x-requested-with': 'fetch' };
/** Placeholder cards shown while the list loads. */
const SKELETON_CARDS = 8;

const session = { accessToken: null, user: null, renewTimer: null };
const view = {
  /** The mysfits of the list as the API gave them, for the alignment filter last loaded. */
  mysfits: [],
  loadedQuery: null,
  gridRequest: 0,
  /** The profile shown, as the API gave it. */
  mysfit: null,
  profileRequest: 0,
  /** The card to focus when returning to the grid. */
  lastOpened: null,
};

// ---------------------------------------------------------------------------------------------------
// Talking to the API

class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** Ends an action that has nothing more to say: it is already running, or it needs the login dialog. */
class ActionSkipped extends Error {}

/** Thrown when an action needs a signed-in visitor; the login dialog has been opened instead. */
class SignInRequired extends ActionSkipped {}

const FRIENDLY = {
  ALREADY_ADOPTED: 'Someone has already adopted this mysfit.',
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
  EMAIL_TAKEN: 'An account with this email already exists: log in instead.',
  TOO_MANY_LOGIN_ATTEMPTS: 'Too many failed logins. Wait a little and try again.',
  UPSTREAM_UNAVAILABLE: 'A service the site needs is unavailable. It usually comes back within a minute.',
  UPSTREAM_TIMEOUT: 'A service the site needs is too slow to answer right now. Try again in a moment.',
  MYSFIT_NOT_FOUND: 'There is no mysfit at this address. It may have been a mistyped link.',
  NETWORK: 'The site cannot be reached. Check your connection and try again.',
  TIMEOUT: 'The site is taking too long to answer. Try again in a moment.',
};

async function send(path, { method = 'GET', body, headers = {}, keepalive = false } = {}) {
  const init = {
    method,
    headers: { accept: 'application/json', ...headers },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    keepalive,
  };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    const code = error?.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK';
    throw new ApiError(0, code, FRIENDLY[code]);
  }
  if (response.status === 204) return { status: 204, payload: null };
  const payload = await response.json().catch(() => null);
  if (response.ok) return { status: response.status, payload };
  throw new ApiError(
    response.status,
    payload?.code ?? 'HTTP_ERROR',
    describe(response.status, payload),
    payload?.requestId,
  );
}

function describe(status, payload) {
  if (payload?.code && FRIENDLY[payload.code]) return FRIENDLY[payload.code];
  if (payload?.code === 'VALIDATION_FAILED' && payload.details?.fields) {
    return Object.values(payload.details.fields).flat().join('. ');
  }
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.';
  return payload?.message ?? `The request failed (${status}).`;
}

/** Calls the API. With `auth`, sends the access token; on a 401, renews it from the cookie and tries once more. */
async function api(path, { auth = false, ...options } = {}) {
  if (!auth) return (await send(path, options)).payload;
  if (!session.accessToken) throw askToSignIn('Log in first, then try again.');
  try {
    return (await send(path, { ...options, headers: bearer() })).payload;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  }
  if (!(await renewSession())) {
    endSession();
    throw askToSignIn('Your session has ended. Log in again to continue.');
  }
  return (await send(path, { ...options, headers: bearer() })).payload;
}

const bearer = () => ({ authorization: `Bearer ${session.accessToken}` });

/**
 * A request to one of the session routes. keepalive lets it finish even when the visitor leaves the page
 * meanwhile, so that a session cookie the server has just rotated still reaches the browser.
 */
const sessionRequest = (route, body) =>
  send(`/auth/session/${route}`, { method: 'POST', headers: SESSION_HEADERS, body, keepalive: true });

// ---------------------------------------------------------------------------------------------------
// The session

const sessionChannel = 'BroadcastChannel' in window ? new BroadcastChannel('mysfits-session') : null;

/**
 * Trades the session cookie for a fresh access token; false when there is no session. Tabs take turns:
 * two refreshes with the same cookie at once would look like a stolen token and revoke the session.
 */
async function renewSession() {
  const renew = async () => {
    const { status, payload } = await sessionRequest('refresh');
    return status === 204 ? null : payload;
  };
  let tokens;
  try {
    tokens = navigator.locks ? await navigator.locks.request('mysfits-session', renew) : await renew();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return false;
    throw error;
  }
  if (!tokens) return false;
  holdAccessToken(tokens);
  return true;
}

function holdAccessToken(tokens) {
  session.accessToken = tokens.accessToken;
  clearTimeout(session.renewTimer);
  const renewInSeconds = Math.max(5, tokens.expiresIn - RENEW_AHEAD_SECONDS);
  session.renewTimer = setTimeout(() => attempt(renewOrSignOut, showToastError), renewInSeconds * 1000);
}

async function renewOrSignOut() {
  if (await renewSession()) return;
  endSession();
  showToast('Your session has ended. Log in again to like, adopt or comment.');
}

async function resumeSession() {
  try {
    if (await renewSession()) session.user = await api('/auth/me', { auth: true });
  } catch (error) {
    if (error instanceof SignInRequired) return;
    showToastError(error);
  } finally {
    renderAccount();
  }
}

async function logIn(email, password) {
  const { payload } = await sessionRequest('login', { email, password });
  holdAccessToken(payload);
  session.user = await api('/auth/me', { auth: true });
  renderAccount();
  sessionChannel?.postMessage('signed-in');
}

async function logOut() {
  await sessionRequest('logout');
  endSession();
  sessionChannel?.postMessage('signed-out');
}

function endSession() {
  clearTimeout(session.renewTimer);
  Object.assign(session, { accessToken: null, user: null, renewTimer: null });
  renderAccount();
}

sessionChannel?.addEventListener('message', ({ data }) => {
  if (data === 'signed-out') endSession();
  if (data === 'signed-in' && !session.user) attempt(resumeSession, showToastError);
});

function renderAccount() {
  $('#account').removeAttribute('aria-busy');
  $('#open-login').hidden = Boolean(session.user);
  $('#signed-in').hidden = !session.user;
  $('#user-name').textContent = session.user?.displayName ?? '';
}

// ---------------------------------------------------------------------------------------------------
// The login dialog

const dialog = $('#account-dialog');
/** Where focus goes back to when the dialog closes. */
let dialogOpener = null;

function openDialog({ reason = '', form = 'login' } = {}) {
  dialogOpener = document.activeElement;
  $('#dialog-reason').textContent = reason;
  $('#dialog-reason').hidden = !reason;
  setDialogError('');
  showForm(form, { focus: false });
  if (!dialog.open) dialog.showModal();
  focusFirstField();
}

/** Opens the login dialog for an action that needs an account, and returns the error that ends the action. */
function askToSignIn(reason) {
  openDialog({ reason });
  return new SignInRequired(reason);
}

function showForm(name, { focus = true } = {}) {
  $('#login-form').hidden = name !== 'login';
  $('#register-form').hidden = name !== 'register';
  $('#dialog-title').textContent = name === 'login' ? 'Log in' : 'Create an account';
  setDialogError('');
  if (focus) focusFirstField();
}

const focusFirstField = () => dialog.querySelector('form:not([hidden]) input')?.focus();

function setDialogError(text) {
  $('#dialog-error').textContent = text;
}

dialog.addEventListener('close', () => {
  // The opener may be gone (the "Log in" button hides once signed in): then the account controls take focus.
  const target = dialogOpener?.isConnected && dialogOpener.checkVisibility() ? dialogOpener : $('#logout');
  if (target?.checkVisibility()) target.focus();
  dialogOpener = null;
});

// The rest of the page is inert while the dialog is open; Tab also wraps around inside it rather than
// leaving for the browser's own controls.
dialog.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab') return;
  const tabbable = [...dialog.querySelectorAll('button, input')].filter(
    (each) => !each.disabled && each.checkVisibility(),
  );
  const [first, last] = [tabbable[0], tabbable.at(-1)];
  if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
});

$('#close-dialog').addEventListener('click', () => dialog.close());
for (const button of dialog.querySelectorAll('[data-show]')) {
  button.addEventListener('click', () => showForm(button.dataset.show));
}

function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/** Runs a form's action once at a time (see busy), showing a failure inside the dialog. */
function submitAccountForm(form, action) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = formValues(form);
    attempt(
      async () => {
        await busy(form.querySelector('[type=submit]'), () => action(values));
        form.reset();
        dialog.close();
        showToast(`Welcome, ${session.user.displayName}!`);
      },
      (error) => setDialogError(error.message),
    );
  });
}

submitAccountForm($('#login-form'), ({ email, password }) => logIn(email, password));
submitAccountForm($('#register-form'), async (values) => {
  await api('/auth/register', { method: 'POST', body: values });
  await logIn(values.email, values.password);
});

$('#open-login').addEventListener('click', () => openDialog());

$('#logout').addEventListener('click', () =>
  attempt(async () => {
    await busy($('#logout'), logOut);
    $('#open-login').focus();
    showToast('You are logged out.');
  }, showToastError),
);

// ---------------------------------------------------------------------------------------------------
// Feedback

/** Runs an action; a failure goes to `onError`. */
async function attempt(action, onError) {
  try {
    await action();
  } catch (error) {
    if (error instanceof ActionSkipped) return;
    onError(
      error instanceof ApiError
        ? error
        : new ApiError(0, 'UNEXPECTED', 'Something unexpected happened. Reload the page.'),
    );
  }
}

/**
 * Runs a button's action once at a time: a second click while it runs is skipped. The button is marked
 * aria-disabled rather than disabled, which would throw the keyboard focus out of it.
 */
async function busy(button, action) {
  if (button.getAttribute('aria-disabled') === 'true') throw new ActionSkipped();
  button.setAttribute('aria-disabled', 'true');
  try {
    return await action();
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

let toastTimer = null;
function showToast(text, isError = false) {
  const toast = $('#toast');
  toast.textContent = text;
  toast.classList.toggle('error', isError);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.textContent = ''), 8_000);
}

const showToastError = (error) => showToast(error.message, true);

/**
 * Fills one of the error panels under its title: what happened in words, the status, code and request id
 * for support, and a button that tries again. Returns that button.
 */
function showProblem(panel, error, retry) {
  const detail = [
    error.status ? `HTTP ${error.status}` : null,
    error.code,
    error.requestId && `request ${error.requestId}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const again = element('button', { type: 'button', textContent: 'Try again' });
  again.addEventListener('click', retry);
  panel.replaceChildren(
    panel.querySelector('.problem-title'),
    element('p', { className: 'problem-text', textContent: error.message }),
    element('p', { className: 'problem-detail', textContent: detail }),
    again,
  );
  panel.hidden = false;
  return again;
}

// ---------------------------------------------------------------------------------------------------
// Addresses: the grid is `/` (`/?filter=GoodEvil&value=Evil&q=…` when filtered, with the API's parameter
// names), a profile `/?mysfit=<id>`. The monolith serves index.html at `/` whatever the query, so every
// address works on reload, and none can collide with an API route or an Ingress rule.

function gridQueryFromControls() {
  const params = new URLSearchParams();
  const [filter, value] = $('#alignment').value.split(':');
  if (filter) {
    params.set('filter', filter);
    params.set('value', value);
  }
  if ($('#search').value.trim()) params.set('q', $('#search').value.trim());
  return params;
}

const urlOf = (params) => (params.size ? `/?${params}` : '/');

function navigate(url, { state = {}, replace = false } = {}) {
  if (replace) history.replaceState(state, '', url);
  else history.pushState(state, '', url);
  route();
}

function route() {
  const params = new URLSearchParams(location.search);
  const mysfitId = params.get('mysfit');
  if (mysfitId) showProfile(mysfitId);
  else showGrid(params);
}

window.addEventListener('popstate', route);

/** A click that follows a link here; with a modifier key or another button it opens a tab or a window. */
const plainClick = (event) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** Follows same-page links (cards, "All mysfits", the title) without reloading the page. */
function followInPage(event, url, state) {
  if (!plainClick(event)) return;
  event.preventDefault();
  navigate(url, { state });
}

$('#home').addEventListener('click', (event) => followInPage(event, '/'));
$('#back').addEventListener('click', (event) => {
  // Opened from the grid: going back restores that history entry, filters and all.
  if (history.state?.fromGrid && plainClick(event)) {
    event.preventDefault();
    history.back();
    return;
  }
  followInPage(event, $('#back').getAttribute('href'));
});

// ---------------------------------------------------------------------------------------------------
// The grid

function showGrid(params) {
  $('#profile').hidden = true;
  $('#browse').hidden = false;
  document.title = 'Mythical Mysfits';
  const alignment = params.get('filter') ? `${params.get('filter')}:${params.get('value')}` : '';
  $('#alignment').value = alignment;
  // An unknown alignment in a hand-edited address falls back to "Any".
  if ($('#alignment').value !== alignment) $('#alignment').value = '';
  // Left as typed when it says the same (the address holds it trimmed).
  const search = params.get('q') ?? '';
  if ($('#search').value.trim() !== search) $('#search').value = search;
  const query = apiQuery();
  if (query !== view.loadedQuery || !$('#grid-error').hidden) attempt(loadGrid, showGridError);
  else renderGrid();
  if (view.lastOpened) {
    document.querySelector(`#grid [data-mysfit-id="${view.lastOpened}"]`)?.focus();
    view.lastOpened = null;
  }
}

/** The list's query string for the alignment chosen (the API filters by one axis at a time). */
function apiQuery() {
  const [axis, value] = $('#alignment').value.split(':');
  return axis ? `?filter=${axis}&value=${value}` : '';
}

async function loadGrid() {
  const request = ++view.gridRequest;
  const query = apiQuery();
  showGridLoading();
  try {
    const { mysfits } = await api(`/mysfits${query}`);
    if (request !== view.gridRequest) return;
    view.mysfits = mysfits;
    view.loadedQuery = query;
    renderGrid();
  } catch (error) {
    if (request === view.gridRequest) throw error;
  }
}

function showGridLoading() {
  const grid = $('#grid');
  $('#grid-error').hidden = true;
  $('#empty').hidden = true;
  grid.hidden = false;
  grid.setAttribute('aria-busy', 'true');
  $('#grid-status').textContent = 'Loading the mysfits…';
  const placeholder = () =>
    element(
      'li',
      { className: 'card skeleton-card', 'aria-hidden': 'true' },
      ...['skeleton-thumb', 'skeleton-line wide', 'skeleton-line'].map((kind) =>
        element('div', { className: `skeleton ${kind}` }),
      ),
    );
  grid.replaceChildren(...Array.from({ length: SKELETON_CARDS }, placeholder));
}

function showGridError(error) {
  view.loadedQuery = null;
  $('#grid').hidden = true;
  $('#grid').setAttribute('aria-busy', 'false');
  $('#empty').hidden = true;
  $('#grid-status').textContent = '';
  showProblem($('#grid-error'), error, () => attempt(loadGrid, showGridError));
}

/** The cards of the loaded list that match the name search. */
function visibleMysfits() {
  const search = $('#search').value.trim().toLowerCase();
  if (!search) return view.mysfits;
  return view.mysfits.filter((mysfit) => `${mysfit.name} ${mysfit.species}`.toLowerCase().includes(search));
}

function renderGrid() {
  const grid = $('#grid');
  const shown = visibleMysfits();
  grid.replaceChildren(...shown.map(card));
  grid.setAttribute('aria-busy', 'false');
  grid.hidden = shown.length === 0;
  $('#grid-error').hidden = true;
  $('#empty').hidden = shown.length > 0;
  if (!shown.length) $('#empty-text').textContent = emptyExplanation();
  $('#grid-status').textContent = shown.length
    ? `${shown.length} ${shown.length === 1 ? 'mysfit' : 'mysfits'} shown.`
    : 'No mysfit matches these filters.';
}

function emptyExplanation() {
  const search = $('#search').value.trim();
  const alignment = $('#alignment').selectedOptions[0];
  const among = $('#alignment').value ? ` among the ${alignment.textContent.replace(/ \(.*\)/, '')} ones` : '';
  return search ? `Nothing called “${search}”${among}.` : `No mysfit${among} right now.`;
}

const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

function card(mysfit) {
  const href = `/?mysfit=${mysfit.mysfitId}`;
  const picture = element(
    'div',
    { className: 'card-picture' },
    element('img', { src: mysfit.thumbImageUri, alt: '', width: 240, height: 240 }),
  );
  if (mysfit.adopted) picture.append(adoptedBadge());
  const link = element(
    'a',
    { className: 'card', href, 'data-mysfit-id': mysfit.mysfitId },
    picture,
    element('h3', { className: 'card-name', textContent: mysfit.name }),
    element('p', { className: 'card-species', textContent: mysfit.species }),
    element('p', { className: 'chips' }, chip(mysfit.goodevil), chip(mysfit.lawchaos)),
    element(
      'p',
      { className: 'card-likes' },
      element('span', { className: 'heart', textContent: '♥', 'aria-hidden': 'true' }),
      ` ${plural(mysfit.likes, 'like', 'likes')}`,
    ),
  );
  link.addEventListener('click', (event) => {
    view.lastOpened = mysfit.mysfitId;
    followInPage(event, href, { fromGrid: true });
  });
  return element('li', {}, link);
}

const chip = (text) => element('span', { className: `chip chip-${text.toLowerCase()}`, textContent: text });
const adoptedBadge = () => element('span', { className: 'badge adopted-badge', textContent: 'Adopted' });

/** Keeps the card of a mysfit in step with what its profile learnt (a like, an adoption). */
function updateCard(mysfit) {
  const listed = view.mysfits.find((each) => each.mysfitId === mysfit.mysfitId);
  if (!listed) return;
  Object.assign(listed, { likes: mysfit.likes, adopted: mysfit.adopted });
  document.querySelector(`#grid [data-mysfit-id="${mysfit.mysfitId}"]`)?.parentElement.replaceWith(card(listed));
}

$('#alignment').addEventListener('change', () => navigate(urlOf(gridQueryFromControls()), { replace: true }));
$('#search').addEventListener('input', () => navigate(urlOf(gridQueryFromControls()), { replace: true }));
$('#filters').addEventListener('submit', (event) => event.preventDefault());
$('#filters').addEventListener('reset', (event) => {
  event.preventDefault();
  navigate('/', { replace: true });
});
$('#empty-clear').addEventListener('click', () => {
  navigate('/', { replace: true });
  $('#search').focus();
});

// ---------------------------------------------------------------------------------------------------
// A profile

function showProfile(mysfitId) {
  $('#browse').hidden = true;
  $('#profile').hidden = false;
  window.scrollTo(0, 0);
  attempt(() => loadProfile(mysfitId), showProfileError);
}

async function loadProfile(mysfitId) {
  const request = ++view.profileRequest;
  $('#profile-error').hidden = true;
  $('#profile-body').hidden = true;
  $('#comments-section').hidden = true;
  $('#profile-loading').hidden = false;
  $('#profile').setAttribute('aria-busy', 'true');
  let mysfit;
  try {
    mysfit = await api(`/mysfits/${encodeURIComponent(mysfitId)}`);
  } catch (error) {
    if (request === view.profileRequest) throw error;
    return;
  } finally {
    if (request === view.profileRequest) {
      $('#profile-loading').hidden = true;
      $('#profile').setAttribute('aria-busy', 'false');
    }
  }
  if (request !== view.profileRequest) return;
  view.mysfit = mysfit;
  $('#profile-message').textContent = '';
  renderProfile();
  $('#profile-body').hidden = false;
  $('#comments-section').hidden = false;
  $('#profile-name').focus();
  await loadComments();
}

function showProfileError(error) {
  $('#profile-body').hidden = true;
  $('#comments-section').hidden = true;
  showProblem($('#profile-error'), error, route).focus();
}

function renderProfile() {
  const mysfit = view.mysfit;
  document.title = `${mysfit.name} · Mythical Mysfits`;
  $('#profile-image').src = mysfit.profileImageUri;
  $('#profile-image').alt = `${mysfit.name}, a ${mysfit.species}`;
  $('#profile-name').textContent = mysfit.name;
  $('#profile-facts').textContent = `${mysfit.species} · ${mysfit.age} years old`;
  $('#profile-alignment').replaceChildren(chip(mysfit.goodevil), chip(mysfit.lawchaos));
  $('#profile-description').textContent = mysfit.description;
  $('#profile-likes').textContent = plural(mysfit.likes, 'like', 'likes');
  $('#profile-badge').hidden = !mysfit.adopted;
  $('#profile-adoption').textContent = mysfit.adopted
    ? `Adopted${mysfit.adoptedBy?.displayName ? ` by ${mysfit.adoptedBy.displayName}` : ''}`
    : 'Looking for a home';
  $('#adopt').hidden = mysfit.adopted;
  updateCard(mysfit);
}

function sayInProfile(text, isError = false) {
  const message = $('#profile-message');
  message.textContent = text;
  message.classList.toggle('error', isError);
  message.setAttribute('role', isError ? 'alert' : 'status');
}

const profileError = (error) => sayInProfile(error.message, true);

async function loadComments() {
  const list = $('#comments');
  const { mysfitId } = view.mysfit;
  list.replaceChildren(element('li', { className: 'no-comments', textContent: 'Loading the comments…' }));
  try {
    const { comments } = await api(`/mysfits/${mysfitId}/comments`);
    if (mysfitId !== view.mysfit.mysfitId) return;
    list.replaceChildren(
      ...(comments.length
        ? comments.map(commentItem)
        : [element('li', { className: 'no-comments', textContent: 'No comments yet. Be the first!' })]),
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    list.replaceChildren(
      element('li', { className: 'message error', textContent: `The comments can't be shown: ${error.message}` }),
    );
  }
}

function commentItem(comment) {
  const full = Math.floor(comment.stars);
  return element(
    'li',
    {},
    element(
      'p',
      {},
      element('span', {
        className: 'stars',
        role: 'img',
        'aria-label': `${comment.stars} out of 5 stars`,
        textContent: '★'.repeat(full) + '☆'.repeat(5 - full),
      }),
      element('span', { className: 'score', 'aria-hidden': 'true', textContent: ` ${comment.stars}` }),
    ),
    element('p', { textContent: comment.content }),
    element('p', { className: 'author', textContent: `— ${comment.authorName ?? 'someone'}` }),
  );
}

$('#like').addEventListener('click', () =>
  attempt(async () => {
    const mysfit = view.mysfit;
    if (!session.user) throw askToSignIn(`Log in to like ${mysfit.name}.`);
    const result = await busy($('#like'), () =>
      api(`/mysfits/${mysfit.mysfitId}/like`, { method: 'POST', auth: true }),
    );
    mysfit.likes = result.likes;
    renderProfile();
    sayInProfile(
      result.alreadyLiked ? `You already liked ${mysfit.name}: a like counts once.` : `You liked ${mysfit.name}!`,
    );
  }, profileError),
);

$('#adopt').addEventListener('click', () =>
  attempt(async () => {
    const mysfit = view.mysfit;
    if (!session.user) throw askToSignIn(`Log in to adopt ${mysfit.name}.`);
    try {
      await busy($('#adopt'), () => api(`/mysfits/${mysfit.mysfitId}/adopt`, { method: 'POST', auth: true }));
      sayInProfile(`${mysfit.name} has a new home. Thank you!`);
    } finally {
      // Whether it worked or someone was faster, show who has adopted it now.
      view.mysfit = await api(`/mysfits/${mysfit.mysfitId}`);
      renderProfile();
      // The Adopt button is gone now: keep the keyboard where it was.
      if (document.activeElement === document.body) $('#profile-adoption').focus();
    }
  }, profileError),
);

$('#comment-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const { content, stars } = formValues(form);
  attempt(async () => {
    if (!session.user) throw askToSignIn('Log in to comment.');
    await busy(form.querySelector('[type=submit]'), () =>
      api(`/mysfits/${view.mysfit.mysfitId}/comments`, {
        method: 'POST',
        auth: true,
        body: { content, stars: Number(stars) },
      }),
    );
    form.reset();
    await loadComments();
    sayInProfile('Thank you for your comment.');
  }, profileError);
});

// ---------------------------------------------------------------------------------------------------

route();
resumeSession();
