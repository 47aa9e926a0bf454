/**
 * X-Ray's actions to write and read traces take no resource: "*" is the only one they accept. These
 * documents may use it, for X-Ray actions only (observability.spec.ts).
 */
export const XRAY_POLICIES = [
  'module.observability.data.aws_iam_policy_document.collector',
  'module.observability.data.aws_iam_policy_document.grafana',
];
