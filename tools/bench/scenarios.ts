import type { Request } from 'autocannon';
import { callApiOk } from '../api-client/call-api';
import { ScenarioName } from './figures';
import { LoadPlan } from './load';

export interface BenchUser {
  email: string;
  password: string;
  accessToken: string;
}

/** What the scenarios need, made through the gateway as a visitor would. */
export interface Seeded {
  gateway: string;
  mysfitIds: string[];
  adoptedId: string;
  notAdoptedId: string;
  users: BenchUser[];
  /** When the users' access tokens were issued (they live 15 minutes at most). */
  loggedInAt: number;
}

export interface Scenario {
  name: ScenarioName;
  route: string;
  plan: LoadPlan;
  /** Answers so far that contradict the scenario. */
  unexpected(): number;
  /** first-like only: likes sent so far, and those answered 200 (each must be counted once on its mysfit). */
  likes?: () => { sent: number; answered: number };
}

const PASSWORD = 'bench password';
const ACCOUNT_CALLS_AT_ONCE = 4;
/** Well inside the 15 minutes an access token lives at most, with room for one more round. */
export const RENEW_TOKENS_AFTER_MS = 10 * 60_000;

/** Registers and logs in `count` users, and has the first of them adopt a mysfit (unless one is adopted). */
export async function seed(gateway: string, count: number, prefix: string): Promise<Seeded> {
  const { mysfits } = await callApiOk<{ mysfits: { mysfitId: string }[] }>(gateway, 'GET', '/mysfits');
  const mysfitIds = mysfits.map((mysfit) => mysfit.mysfitId);
  const emails = Array.from({ length: count }, (_, index) => `${prefix}-${index}@example.com`);
  // Before the first login: the oldest token decides when all are renewed.
  const loggedInAt = Date.now();
  const users = await inBatches(emails, (email) => signUp(gateway, email));
  const adopted = await Promise.all(mysfitIds.map((id) => mysfitOf(gateway, id)));
  let adoptedId = mysfitIds.find((_, index) => adopted[index].adopted);
  if (!adoptedId) {
    adoptedId = mysfitIds[0];
    await callApiOk(gateway, 'POST', `/mysfits/${adoptedId}/adopt`, { token: users[0].accessToken });
  }
  const notAdoptedId = mysfitIds.find((id, index) => id !== adoptedId && !adopted[index].adopted);
  if (!notAdoptedId) throw new Error('Every mysfit is adopted: the bench needs one that is not');
  return { gateway, mysfitIds, adoptedId, notAdoptedId, users, loggedInAt };
}

/**
 * Logs every user in again once their access tokens are ten minutes old, so that a long run's likes are
 * not refused as expired. Between measured windows only: the logins would count as the gateway's work.
 */
export async function renewStaleTokens(seeded: Seeded): Promise<void> {
  if (Date.now() - seeded.loggedInAt < RENEW_TOKENS_AFTER_MS) return;
  const loggedInAt = Date.now();
  await inBatches(seeded.users, async (user) => {
    user.accessToken = await logIn(seeded.gateway, user.email);
  });
  seeded.loggedInAt = loggedInAt;
}

async function inBatches<T, R>(items: readonly T[], step: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += ACCOUNT_CALLS_AT_ONCE) {
    results.push(...(await Promise.all(items.slice(start, start + ACCOUNT_CALLS_AT_ONCE).map(step))));
  }
  return results;
}

/** The total of every mysfit's likes, to check that the like scenarios counted each first like once. */
export async function totalLikes(seeded: Seeded): Promise<number> {
  const mysfits = await Promise.all(seeded.mysfitIds.map((id) => mysfitOf(seeded.gateway, id)));
  return mysfits.reduce((sum, mysfit) => sum + mysfit.likes, 0);
}

/** The scenarios, each through the gateway, in the order they run (repeated likes repeat the first ones). */
export function scenarios(seeded: Seeded, settings: { connections: number }): Scenario[] {
  const { gateway, users, mysfitIds } = seeded;
  const get = (path: string): LoadPlan => ({ url: `${gateway}${path}` });
  const answeredAsExpected = () => ({ unexpected: () => 0 });

  // Every (user, mysfit) pair likes once: a fifth of them warm up, the rest are measured. A few are
  // left over because each connection prepares its next request before autocannon stops it.
  const pairs = users.flatMap((user) => mysfitIds.map((mysfitId) => ({ user, mysfitId })));
  const spare = 2 * settings.connections;
  const warmupLikes = Math.floor(pairs.length / 5);
  const liked: typeof pairs = [];
  const first = likeLoad(pairs, false, (pair) => liked.push(pair));
  const repeated = likeLoad(liked, true);

  const logins = cycle(users.map((user) => JSON.stringify({ email: user.email, password: user.password })));
  return [
    { name: 'list', route: 'GET /mysfits', plan: get('/mysfits'), ...answeredAsExpected() },
    {
      name: 'get-not-adopted',
      route: 'GET /mysfits/:id, not adopted',
      plan: get(`/mysfits/${seeded.notAdoptedId}`),
      ...answeredAsExpected(),
    },
    {
      name: 'get-adopted',
      route: "GET /mysfits/:id, adopted (adds PostgreSQL and auth's name lookup)",
      plan: get(`/mysfits/${seeded.adoptedId}`),
      ...answeredAsExpected(),
    },
    {
      name: 'first-like',
      route: 'POST /mysfits/:id/like, a first like (gateway → like → monolith fulfill-like)',
      plan: {
        url: gateway,
        options: first.options,
        amounts: { warmup: warmupLikes, measured: pairs.length - warmupLikes - spare },
      },
      unexpected: first.unexpected,
      likes: () => ({ sent: first.sent(), answered: liked.length }),
    },
    {
      name: 'repeated-like',
      route: 'POST /mysfits/:id/like again (alreadyLiked)',
      plan: { url: gateway, options: repeated.options },
      unexpected: repeated.unexpected,
    },
    {
      name: 'login',
      route: 'POST /auth/login',
      plan: {
        url: `${gateway}/auth/login`,
        options: () => ({
          requests: [
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              setupRequest: (request) => ({ ...request, body: logins() }),
            },
          ],
        }),
      },
      ...answeredAsExpected(),
    },
  ];
}

interface LikePair {
  user: BenchUser;
  mysfitId: string;
}

/**
 * Likes pairs in turn (each connection takes the next pair), counting the answers that do not say
 * `alreadyLiked: expectAlreadyLiked`; `onLiked` hears of each pair whose like was answered 200.
 */
function likeLoad(pairs: LikePair[], expectAlreadyLiked: boolean, onLiked?: (pair: LikePair) => void) {
  let next = 0;
  let unexpected = 0;
  const request: Request = {
    method: 'POST',
    setupRequest: (template, context) => {
      const pair = pairs[next++ % pairs.length];
      (context as { pair?: LikePair }).pair = pair;
      return {
        ...template,
        path: `/mysfits/${pair.mysfitId}/like`,
        headers: { authorization: `Bearer ${pair.user.accessToken}` },
      };
    },
    onResponse: (status, body, context) => {
      if (status !== 200) return;
      const alreadyLiked = (JSON.parse(body) as { alreadyLiked: boolean }).alreadyLiked;
      if (alreadyLiked !== expectAlreadyLiked) unexpected++;
      onLiked?.((context as { pair: LikePair }).pair);
    },
  };
  return { options: () => ({ requests: [request] }), unexpected: () => unexpected, sent: () => next };
}

function cycle<T>(values: T[]): () => T {
  let next = 0;
  return () => values[next++ % values.length];
}

async function signUp(gateway: string, email: string): Promise<BenchUser> {
  await callApiOk(gateway, 'POST', '/auth/register', {
    body: { email, password: PASSWORD, displayName: email.split('@')[0] },
  });
  return { email, password: PASSWORD, accessToken: await logIn(gateway, email) };
}

async function logIn(gateway: string, email: string): Promise<string> {
  const { accessToken } = await callApiOk<{ accessToken: string }>(gateway, 'POST', '/auth/login', {
    body: { email, password: PASSWORD },
  });
  return accessToken;
}

function mysfitOf(gateway: string, id: string): Promise<{ adopted: boolean; likes: number }> {
  return callApiOk(gateway, 'GET', `/mysfits/${id}`);
}
