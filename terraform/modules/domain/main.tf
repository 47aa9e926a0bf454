# The site's public host name: an ACM certificate for the ALB's HTTPS listener, validated with DNS records
# in the hosted zone, and ExternalDNS, which writes the alias record to the ALB.
#
# Terraform cannot write that alias record itself: the ALB does not exist when terraform apply runs. The
# AWS Load Balancer Controller creates it from the Ingress during the deploy, and replaces it if the
# Ingress group changes. ExternalDNS watches the Ingress and keeps the record pointing at whatever ALB
# serves it, limited by its IAM role to this one hosted zone and by its filters to this one name.

locals {
  external_dns_namespace       = "kube-system"
  external_dns_service_account = "external-dns"
  # Chart 1.21.1 ships ExternalDNS v0.21.0.
  external_dns_chart_version = "1.21.1"
}

data "aws_partition" "current" {}
data "aws_region" "current" {}

resource "aws_acm_certificate" "this" {
  domain_name       = var.domain_name
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = { for option in aws_acm_certificate.this.domain_validation_options : option.domain_name => option }

  zone_id         = var.hosted_zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

# Waits until ACM has issued the certificate, so that the Ingress never names one that is still pending.
resource "aws_acm_certificate_validation" "this" {
  certificate_arn         = aws_acm_certificate.this.arn
  validation_record_fqdns = [for record in aws_route53_record.validation : record.fqdn]
}

data "aws_iam_policy_document" "external_dns" {
  statement {
    sid = "RecordsOfTheZone"
    actions = [
      "route53:ChangeResourceRecordSets",
      "route53:ListResourceRecordSets",
      "route53:ListTagsForResources",
    ]
    resources = ["arn:${data.aws_partition.current.partition}:route53:::hostedzone/${var.hosted_zone_id}"]
  }

  # ListHostedZones has no resource type: it cannot be limited to one zone (--zone-id-filter does that).
  statement {
    sid       = "FindTheZone"
    actions   = ["route53:ListHostedZones"]
    resources = ["*"]
  }
}

module "external_dns_irsa" {
  source = "../irsa"

  name              = "${var.cluster_name}-external-dns"
  oidc_provider_arn = var.oidc_provider_arn
  namespace         = local.external_dns_namespace
  service_account   = local.external_dns_service_account
  policies          = { route53 = data.aws_iam_policy_document.external_dns.json }
}

resource "helm_release" "external_dns" {
  name       = "external-dns"
  namespace  = local.external_dns_namespace
  repository = "https://kubernetes-sigs.github.io/external-dns/"
  chart      = "external-dns"
  version    = local.external_dns_chart_version

  set = [
    { name = "provider.name", value = "aws" },
    # sync: deletes the record again when the Ingress goes; the TXT registry keeps it to records it owns.
    { name = "policy", value = "sync" },
    { name = "registry", value = "txt" },
    { name = "txtOwnerId", value = var.cluster_name },
    { name = "sources[0]", value = "ingress" },
    { name = "domainFilters[0]", value = var.domain_name },
    { name = "extraArgs[0]", value = "--zone-id-filter=${var.hosted_zone_id}" },
    # The nodes' IMDS hop limit of 1 keeps pods from discovering the region.
    { name = "env[0].name", value = "AWS_DEFAULT_REGION" },
    { name = "env[0].value", value = data.aws_region.current.region },
    { name = "serviceAccount.name", value = local.external_dns_service_account },
    { name = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn", value = module.external_dns_irsa.role_arn },
  ]
}
