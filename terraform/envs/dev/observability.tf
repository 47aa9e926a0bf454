# Optional observability on AWS (terraform/modules/observability): Amazon Managed Service for Prometheus
# with the project's rules and alerts, an IRSA role for the ADOT collector of
# k8s/components/observability, X-Ray, and Amazon Managed Grafana. Off unless observability_enabled.
# Everything about it in this environment is in this file.

variable "observability_enabled" {
  description = "Create the Prometheus workspace, the collector's role and the Grafana workspace (k8s/components/observability)."
  type        = bool
  default     = false
}

variable "observability_alert_email" {
  description = "Address subscribed to the alerts (AWS asks it to confirm); null for none."
  type        = string
  default     = null
}

variable "grafana_admin_user_ids" {
  description = "IAM Identity Center user ids made Grafana admins."
  type        = list(string)
  default     = []
}

module "observability" {
  source = "../../modules/observability"
  count  = var.observability_enabled ? 1 : 0

  name                   = local.name
  oidc_provider_arn      = module.eks.oidc_provider_arn
  namespace              = local.k8s_namespace
  rules_dir              = "${path.root}/../../../observability/prometheus/rules"
  alert_email            = var.observability_alert_email
  grafana_admin_user_ids = var.grafana_admin_user_ids
}

output "collector_role_arn" {
  description = "IRSA role of the collector (k8s/components/observability); null when observability is off."
  value       = tostring(one(module.observability[*].collector_role_arn))
}

output "prometheus_remote_write_url" {
  description = "AMP_REMOTE_WRITE_URL of k8s/components/observability; null when observability is off."
  value       = tostring(one(module.observability[*].remote_write_url))
}

output "grafana_url" {
  description = "Amazon Managed Grafana; null when observability is off."
  value       = tostring(one(module.observability[*].grafana_url))
}
