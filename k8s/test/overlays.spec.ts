import { APPS } from './support/mysfits';
import { OVERLAYS, overlay } from './support/overlays';
import { schemaErrors } from './support/schema';
import { unknownFields } from './support/strict-fields';

describe.each(Object.keys(OVERLAYS))('overlays/%s', (name) => {
  it('renders with kubectl kustomize, with a Deployment for every app', () => {
    const m = overlay(name);
    expect(m.deployments.map((d) => d.metadata.name).sort()).toEqual([...APPS].sort());
  });

  it('holds only core kinds, each valid against the Kubernetes schema', () => {
    expect(overlay(name).objects.flatMap(schemaErrors)).toEqual([]);
  });

  it('holds no field the Kubernetes API does not know (kubectl apply validates strictly)', () => {
    expect(overlay(name).objects.flatMap(unknownFields)).toEqual([]);
  });
});
