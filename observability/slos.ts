/**
 * The service level objectives, one per public route group, over a 30-day window.
 *
 * The groups follow k8s/base/ingress.yaml: the ALB sends /auth to auth, a mysfit's /like to like, and
 * everything else to the monolith. The monolith's catch-all carries three kinds of traffic that fail
 * for different reasons and that users wait for differently, so it is split: catalogue reads depend on
 * DynamoDB only, adoptions and comments on PostgreSQL `app` (and auth over gRPC for names), and the web
 * page on nothing but the process. One objective for the whole catch-all would let the many cheap
 * page requests hide a broken adoption path.
 *
 * Every SLI is measured where the request is served (http_server_request_duration_seconds of the app),
 * which exists both on a laptop and on EKS, where there is no gateway.
 */

export type SliKind = 'availability' | 'latency';

export interface Slo {
  /** The `slo` label of the recorded series and alerts. */
  name: string;
  title: string;
  /** The app that serves the group's routes. */
  service: 'auth' | 'monolith' | 'like';
  /** Route patterns as the app reports them (`/mysfits/:id`); a trailing `*` stands for any rest. */
  routes: readonly string[];
  /** Only these methods, when the same routes also serve requests of another group. */
  methods?: readonly string[];
  /** Share of requests that must not fail with a 5xx. */
  availability: number;
  /** Share of requests that must be answered within `thresholdSeconds` (a bucket of the histogram). */
  latency: { thresholdSeconds: number; objective: number };
}

export const SLO_WINDOW = '30d';

export const SLOS: readonly Slo[] = [
  {
    name: 'auth',
    title: 'Accounts and tokens',
    service: 'auth',
    routes: ['/auth/*'],
    availability: 0.999,
    // A login hashes with argon2id, which takes tens of milliseconds of CPU by design.
    latency: { thresholdSeconds: 1, objective: 0.99 },
  },
  {
    name: 'catalogue',
    title: 'Catalogue reads',
    service: 'monolith',
    routes: ['/mysfits', '/mysfits/:id'],
    methods: ['GET'],
    availability: 0.999,
    latency: { thresholdSeconds: 0.5, objective: 0.99 },
  },
  {
    name: 'like',
    title: 'Likes',
    service: 'like',
    routes: ['/mysfits/:id/like'],
    // Three hops (like, monolith, DynamoDB) and a designed 503 when the monolith is down: a looser target.
    availability: 0.995,
    latency: { thresholdSeconds: 1, objective: 0.99 },
  },
  {
    name: 'adoptions',
    title: 'Adoptions and comments',
    service: 'monolith',
    routes: ['/mysfits/:id/adopt', '/mysfits/:id/comments', '/me/adoptions'],
    availability: 0.999,
    latency: { thresholdSeconds: 1, objective: 0.99 },
  },
  {
    name: 'web',
    title: 'Web page',
    service: 'monolith',
    routes: ['/', '/app.js', '/styles.css', '/images/*'],
    methods: ['GET', 'HEAD'],
    availability: 0.999,
    latency: { thresholdSeconds: 0.25, objective: 0.99 },
  },
];

/**
 * The SRE workbook's multi-window, multi-burn-rate alerts for a 30-day objective: an alert fires when
 * both windows burn the error budget this many times faster than allowed; the short window makes it
 * stop soon after the burning does.
 */
export const BURN_RATE_ALERTS = [
  // 2% of the month's budget in one hour.
  { alert: 'ErrorBudgetBurnFast', longWindow: '1h', shortWindow: '5m', burnRate: 14.4, severity: 'page' },
  // 5% of the month's budget in six hours.
  { alert: 'ErrorBudgetBurnSlow', longWindow: '6h', shortWindow: '30m', burnRate: 6, severity: 'page' },
] as const;

export const SLI_KINDS: readonly SliKind[] = ['availability', 'latency'];

export function objective(slo: Slo, sli: SliKind): number {
  return sli === 'availability' ? slo.availability : slo.latency.objective;
}
