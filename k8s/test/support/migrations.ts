import type { IContainer } from 'kubernetes-models/v1/Container';
import { podSpec } from './manifests';
import { MIGRATING_APPS } from './mysfits';
import { type Rule, sameData } from './rule';

/** Where DATABASE_URL comes from: a Secret's key, or a literal (a passwordless URL for IAM authentication). */
function databaseUrl(c: IContainer) {
  const entry = c.env?.find((e) => e.name === 'DATABASE_URL');
  return entry && { value: entry.value, valueFrom: entry.valueFrom };
}

export const migrationsFirst: Rule = {
  id: 'migrations-first',
  description: `${MIGRATING_APPS.join(' and ')} run their migrations in an init container, before the app serves`,
  check: (m) =>
    MIGRATING_APPS.flatMap((app) => {
      const d = m.find('Deployment', app);
      if (!d) return [`Deployment/${app} is missing`];
      const appContainer = podSpec(d).containers.find((c) => c.name === app);
      const script = `dist/apps/${app}/src/migrate.js`;
      const runs = (c: IContainer) => [...(c.command ?? []), ...(c.args ?? [])].includes(script);
      const migrate = podSpec(d).initContainers?.find(runs);
      if (!appContainer || !migrate) return [`Deployment/${app}: no init container runs ${script}`];
      return [
        ...(migrate.image === appContainer.image ? [] : [`Deployment/${app}: migrations run another image`]),
        ...(databaseUrl(migrate) && sameData(databaseUrl(migrate), databaseUrl(appContainer))
          ? []
          : [`Deployment/${app}: migrations and app do not share DATABASE_URL`]),
      ];
    }),
};
