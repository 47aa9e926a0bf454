// The Mythical Mysfits page: plain JavaScript against the same-origin API, no build step.
// Tokens stay in memory only: a reload signs the visitor out, and no script can read them from storage.

const $ = (selector) => document.querySelector(selector);

const session = { accessToken: null, refreshToken: null, refreshTimer: null, user: null };
let currentMysfit = null;

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const FRIENDLY = {
  ALREADY_ADOPTED: 'Someone has already adopted this mysfit.',
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
  EMAIL_TAKEN: 'An account with this email already exists: log in instead.',
  TOO_MANY_LOGIN_ATTEMPTS: 'Too many failed logins. Wait a little and try again.',
  UPSTREAM_UNAVAILABLE: 'A service is unavailable right now. Try again in a moment.',
  AUTHENTICATION_REQUIRED: 'Log in first.',
};

/** Calls the API; renews the access token once when it has expired. */
async function api(path, { method = 'GET', body, auth = false, retried = false } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (auth && session.accessToken) headers.authorization = `Bearer ${session.accessToken}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The site cannot be reached right now. Check your connection and try again.');
  }
  if (response.status === 204) return null;
  const payload = await response.json().catch(() => null);
  if (response.ok) return payload;
  if (response.status === 401 && auth && !retried && session.refreshToken && payload?.code === 'TOKEN_EXPIRED') {
    await refresh();
    return api(path, { method, body, auth, retried: true });
  }
  throw new ApiError(response.status, payload?.code ?? 'HTTP_ERROR', describe(response.status, payload));
}

function describe(status, payload) {
  if (payload?.code && FRIENDLY[payload.code]) return FRIENDLY[payload.code];
  if (payload?.code === 'VALIDATION_FAILED' && payload.details?.fields) {
    return Object.values(payload.details.fields).flat().join('. ');
  }
  if (status >= 500) return 'Something went wrong on our side, or a service is down. Try again in a moment.';
  return payload?.message ?? `The request failed (${status}).`;
}

function say(text, isError = false) {
  const message = $('#message');
  message.textContent = text;
  message.classList.toggle('error', isError);
  message.setAttribute('role', isError ? 'alert' : 'status');
}

/** Runs a user action, showing any failure as a readable message. */
async function attempt(action) {
  try {
    await action();
  } catch (error) {
    say(error instanceof ApiError ? error.message : 'Something unexpected happened. Reload the page.', true);
  }
}

// Account

function startSession(tokens) {
  session.accessToken = tokens.accessToken;
  session.refreshToken = tokens.refreshToken;
  clearTimeout(session.refreshTimer);
  // Renew a minute before expiry, so an action rarely meets an expired token.
  session.refreshTimer = setTimeout(() => attempt(refresh), Math.max(5, tokens.expiresIn - 60) * 1000);
}

async function refresh() {
  try {
    startSession(await api('/auth/refresh', { method: 'POST', body: { refreshToken: session.refreshToken } }));
  } catch (error) {
    endSession();
    throw error;
  }
}

function endSession() {
  clearTimeout(session.refreshTimer);
  Object.assign(session, { accessToken: null, refreshToken: null, user: null });
  renderAccount();
}

function renderAccount() {
  $('#signed-out').hidden = Boolean(session.user);
  $('#signed-in').hidden = !session.user;
  $('#user-name').textContent = session.user?.displayName ?? '';
}

async function logIn(email, password) {
  startSession(await api('/auth/login', { method: 'POST', body: { email, password } }));
  session.user = await api('/auth/me', { auth: true });
  renderAccount();
  say(`Welcome, ${session.user.displayName}!`);
}

function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

$('#login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const { email, password } = formValues(event.target);
  attempt(() => logIn(email, password));
});

$('#register-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const values = formValues(event.target);
  attempt(async () => {
    await api('/auth/register', { method: 'POST', body: values });
    await logIn(values.email, values.password);
  });
});

$('#logout').addEventListener('click', () =>
  attempt(async () => {
    await api('/auth/logout', { method: 'POST', body: { refreshToken: session.refreshToken } });
    endSession();
    say('You are logged out.');
  }),
);

// Mysfits

async function loadGrid() {
  const goodEvil = $('#filter-goodevil').value;
  const lawChaos = $('#filter-lawchaos').value;
  const query = goodEvil ? `?filter=GoodEvil&value=${goodEvil}` : lawChaos ? `?filter=LawChaos&value=${lawChaos}` : '';
  const { mysfits } = await api(`/mysfits${query}`);
  const grid = $('#grid');
  grid.replaceChildren(
    ...mysfits.map((mysfit) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.mysfitId = mysfit.mysfitId;
      const image = Object.assign(document.createElement('img'), { src: mysfit.thumbImageUri, alt: '' });
      const name = Object.assign(document.createElement('strong'), { textContent: mysfit.name });
      const facts = Object.assign(document.createElement('span'), {
        textContent: `${mysfit.species} · ${mysfit.goodevil} · ${mysfit.lawchaos}`,
      });
      button.append(image, name, facts);
      button.addEventListener('click', () => attempt(() => openProfile(mysfit.mysfitId)));
      item.append(button);
      return item;
    }),
  );
  if (!mysfits.length) say('No mysfit matches this filter.');
}

// One filter at a time, as the API takes: choosing in one list clears the other.
for (const [changed, other] of [
  ['#filter-goodevil', '#filter-lawchaos'],
  ['#filter-lawchaos', '#filter-goodevil'],
]) {
  $(changed).addEventListener('change', () => {
    if ($(changed).value) $(other).value = '';
    attempt(loadGrid);
  });
}

$('#show-all').addEventListener('click', () => {
  $('#filter-goodevil').value = '';
  $('#filter-lawchaos').value = '';
  attempt(loadGrid);
});

async function openProfile(mysfitId) {
  currentMysfit = await api(`/mysfits/${mysfitId}`);
  renderProfile();
  await loadComments();
  $('#grid').hidden = true;
  $('#profile').hidden = false;
  $('#profile').focus();
}

function renderProfile() {
  const mysfit = currentMysfit;
  $('#profile-image').src = mysfit.profileImageUri;
  $('#profile-image').alt = `${mysfit.name}, a ${mysfit.species}`;
  $('#profile-name').textContent = mysfit.name;
  $('#profile-facts').textContent =
    `${mysfit.species}, ${mysfit.age} years old · ${mysfit.goodevil} · ${mysfit.lawchaos}`;
  $('#profile-description').textContent = mysfit.description;
  $('#profile-likes').textContent = `${mysfit.likes} ${mysfit.likes === 1 ? 'like' : 'likes'}`;
  $('#profile-adoption').textContent = mysfit.adopted
    ? `Adopted${mysfit.adoptedBy?.displayName ? ` by ${mysfit.adoptedBy.displayName}` : ''}`
    : 'Looking for a home';
  $('#adopt').disabled = mysfit.adopted;
}

async function loadComments() {
  const { comments } = await api(`/mysfits/${currentMysfit.mysfitId}/comments`);
  $('#comments').replaceChildren(
    ...comments.map((comment) => {
      const item = document.createElement('li');
      item.textContent = `${'★'.repeat(Math.floor(comment.stars))}${'☆'.repeat(5 - Math.floor(comment.stars))} ${comment.stars} — ${comment.content} (${comment.authorName ?? 'someone'})`;
      return item;
    }),
  );
  if (!comments.length)
    $('#comments').replaceChildren(Object.assign(document.createElement('li'), { textContent: 'No comments yet.' }));
}

$('#close-profile').addEventListener('click', () => {
  $('#profile').hidden = true;
  $('#grid').hidden = false;
  document.querySelector(`[data-mysfit-id="${currentMysfit.mysfitId}"]`)?.focus();
});

$('#like').addEventListener('click', () =>
  attempt(async () => {
    const result = await api(`/mysfits/${currentMysfit.mysfitId}/like`, { method: 'POST', auth: true });
    currentMysfit.likes = result.likes;
    renderProfile();
    say(result.alreadyLiked ? 'You already liked this mysfit: it counts once.' : `You liked ${currentMysfit.name}!`);
  }),
);

$('#adopt').addEventListener('click', () =>
  attempt(async () => {
    try {
      await api(`/mysfits/${currentMysfit.mysfitId}/adopt`, { method: 'POST', auth: true });
      say(`${currentMysfit.name} has a new home. Thank you!`);
    } finally {
      currentMysfit = await api(`/mysfits/${currentMysfit.mysfitId}`);
      renderProfile();
    }
  }),
);

$('#comment-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const { content, stars } = formValues(form);
  attempt(async () => {
    await api(`/mysfits/${currentMysfit.mysfitId}/comments`, {
      method: 'POST',
      auth: true,
      body: { content, stars: Number(stars) },
    });
    form.reset();
    await loadComments();
    say('Thank you for your comment.');
  });
});

renderAccount();
attempt(loadGrid);
