import { Findings, type CheckResult } from './findings';
import { blocks, type HclValue } from './hcl';
import type { WebIdentityRole } from './iam';
import { resourcesOfType, valueOf, type Instance } from './stack';
import { traceTo } from './trace';

export const CONTROLLER_CHART = 'aws-load-balancer-controller';
const EXACT_VERSION = /^\d+\.\d+\.\d+$/;
const ROLE_ANNOTATION = 'serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn';

/**
 * The AWS Load Balancer Controller release: a pinned chart, the cluster name and VPC id passed in,
 * and a service account annotated with an IRSA role that trusts exactly that service account.
 */
export function checkLoadBalancerController(root: Instance, irsaRoles: readonly WebIdentityRole[]): CheckResult {
  const findings = new Findings();
  const releases = resourcesOfType(root, 'helm_release').filter(
    (release) => valueOf(release, release.body.chart) === CONTROLLER_CHART,
  );
  findings.expect(releases.length === 1, `expected one ${CONTROLLER_CHART} helm_release, found ${releases.length}`);
  for (const release of releases) {
    const setting = (name: string): HclValue | undefined =>
      blocks(release.body.set).find((item) => item.name === name)?.value;
    findings.expect(
      EXACT_VERSION.test(String(valueOf(release, release.body.version))),
      `${release.address} chart version is not pinned`,
    );
    findings.expect(
      traceTo(release, setting('clusterName'), 'aws_eks_cluster').length === 1,
      `${release.address} is not given clusterName`,
    );
    findings.expect(
      traceTo(release, setting('vpcId'), 'aws_vpc').length === 1,
      `${release.address} is not given vpcId`,
    );
    const subject = `system:serviceaccount:${String(valueOf(release, release.body.namespace))}:${String(valueOf(release, setting('serviceAccount.name')))}`;
    findings.expect(
      traceTo(release, setting(ROLE_ANNOTATION), 'aws_iam_role').some((role) =>
        irsaRoles.some((irsa) => irsa.role.address === role.address && irsa.subject === subject),
      ),
      `${release.address} service account is not annotated with an IRSA role trusting ${subject}`,
    );
  }
  return findings;
}
