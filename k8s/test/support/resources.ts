import { allContainers } from './manifests';
import { parseQuantity } from './quantity';
import { perDeployment, type Rule } from './rule';

const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

export const resources: Rule = {
  id: 'resources',
  description: 'every container requests and limits cpu, memory and ephemeral-storage, limits >= requests',
  check: (m) =>
    perDeployment(m, (d) =>
      allContainers(d).flatMap((c) =>
        RESOURCES.flatMap((resource) => {
          const request = c.resources?.requests?.[resource];
          const limit = c.resources?.limits?.[resource];
          if (request === undefined) return [`container ${c.name} requests no ${resource}`];
          if (limit === undefined) return [`container ${c.name} has no ${resource} limit`];
          return parseQuantity(limit) >= parseQuantity(request)
            ? []
            : [`container ${c.name}: ${resource} limit ${limit} is below its request ${request}`];
        }),
      ),
    ),
};
