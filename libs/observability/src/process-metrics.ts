import { collectDefaultMetrics, register } from 'prom-client';

/**
 * Node's default metrics, labelled with the service, once per process. The event loop delay is sampled
 * every 100 ms rather than prom-client's 10 ms: the finer timer wakes an idle process a hundred times a
 * second, which costs more CPU than a lightly loaded service spends serving.
 */
let collecting = false;

export function collectProcessMetrics(service: string): void {
  register.setDefaultLabels({ service });
  if (collecting) return;
  collecting = true;
  collectDefaultMetrics({ eventLoopMonitoringPrecision: 100 });
}
