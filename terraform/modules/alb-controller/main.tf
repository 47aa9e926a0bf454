locals {
  namespace       = "kube-system"
  service_account = "aws-load-balancer-controller"
  # Chart 1.13.3 ships controller v2.13.3; policy.tf is that release's docs/install/iam_policy.json.
  # Upgrade both together.
  chart_version = "1.13.3"
}

data "aws_region" "current" {}

module "irsa" {
  source = "../irsa"

  name              = "${var.cluster_name}-aws-load-balancer-controller"
  oidc_provider_arn = var.oidc_provider_arn
  namespace         = local.namespace
  service_account   = local.service_account
  policies          = { controller = data.aws_iam_policy_document.controller.json }
}

resource "helm_release" "this" {
  name       = "aws-load-balancer-controller"
  namespace  = local.namespace
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-load-balancer-controller"
  version    = local.chart_version

  set = [
    { name = "clusterName", value = var.cluster_name },
    { name = "region", value = data.aws_region.current.region },
    { name = "vpcId", value = var.vpc_id },
    { name = "serviceAccount.create", value = "true" },
    { name = "serviceAccount.name", value = local.service_account },
    { name = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn", value = module.irsa.role_arn },
  ]
}
