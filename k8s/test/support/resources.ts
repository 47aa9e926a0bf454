import { parseQuantity } from './quantity';
import { perContainer, type Rule } from './rule';

const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

export const resources: Rule = {
  id: 'resources',
  description: 'every container requests and limits cpu, memory and ephemeral-storage, limits >= requests',
  check: (m) =>
    perContainer(m, (c) =>
      RESOURCES.flatMap((resource) => {
        const request = c.resources?.requests?.[resource];
        const limit = c.resources?.limits?.[resource];
        if (request === undefined) return [`requests no ${resource}`];
        if (limit === undefined) return [`has no ${resource} limit`];
        return parseQuantity(limit) >= parseQuantity(request)
          ? []
          : [`${resource} limit ${limit} is below its request ${request}`];
      }),
    ),
};
