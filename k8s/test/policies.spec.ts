import { APPS } from './support/mysfits';
import { OVERLAYS, overlay } from './support/overlays';
import { RULES } from './support/rules';

const cases = Object.entries(OVERLAYS).flatMap(([name, exemptions]) =>
  RULES.filter((rule) => !(rule.id in exemptions)).map((rule) => ({ name, rule })),
);

describe('policies', () => {
  it('every exemption names a rule that exists', () => {
    const ids = RULES.map((r) => r.id);
    for (const exemptions of Object.values(OVERLAYS)) {
      expect(ids).toEqual(expect.arrayContaining(Object.keys(exemptions)));
    }
  });

  it.each(Object.keys(OVERLAYS))('overlays/%s: the rules see a Deployment for every app', (name) => {
    expect(overlay(name).deployments.map((d) => d.metadata.name).sort()).toEqual([...APPS].sort());
  });

  it.each(cases)('overlays/$name: $rule.id ($rule.description)', ({ name, rule }) => {
    expect(rule.check(overlay(name))).toEqual([]);
  });
});
