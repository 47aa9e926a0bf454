import { APPS, type AppName } from '../apps';
import { MANAGEMENT_PORT, type SystemPorts } from '../launcher/ports';

export interface ScrapeTarget {
  /** The Prometheus job: the app's name, as on EKS. */
  job: AppName;
  /** host:port serving /metrics. */
  address: string;
}

/**
 * The one list of what `npm run observe` scrapes: every app of `npm start`, on the port where it serves
 * /metrics (MANAGEMENT_PORT, which the launcher's readiness checks use too).
 */
export function scrapeTargets(ports: SystemPorts): ScrapeTarget[] {
  return APPS.map((job) => ({ job, address: `127.0.0.1:${ports[MANAGEMENT_PORT[job]]}` }));
}

/** prometheus.yml for the local system: the targets above and the project's rule files. */
export function prometheusConfig(targets: ScrapeTarget[], ruleFiles: string[]): object {
  return {
    global: { scrape_interval: '15s', evaluation_interval: '15s' },
    rule_files: ruleFiles,
    scrape_configs: targets.map((target) => ({
      job_name: target.job,
      static_configs: [{ targets: [target.address] }],
    })),
  };
}
