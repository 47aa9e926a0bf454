import { makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const CLIENT_REQUEST_DURATION = 'http_client_request_duration_seconds';
export const BREAKER_STATE = 'circuit_breaker_state';

/** What became of one attempt, as http_client_request_duration_seconds labels it. */
export type AttemptOutcome = 'success' | 'client_error' | 'server_error' | 'timeout' | 'connection_error';

/** The metrics of observability/catalogue.ts that the monolith client keeps. */
export const monolithClientMetrics = [
  makeHistogramProvider({
    name: CLIENT_REQUEST_DURATION,
    help: 'Duration of each HTTP attempt this service made to another service, by callee route and outcome',
    labelNames: ['peer', 'method', 'route', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  }),
  makeGaugeProvider({
    name: BREAKER_STATE,
    help: 'State of a circuit breaker: 1 for the state it is in, 0 for the others',
    labelNames: ['breaker', 'state'],
  }),
];
