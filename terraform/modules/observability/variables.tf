variable "name" {
  description = "Prefix of every resource name, e.g. mysfits-dev."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider, for the collector's IRSA role."
  type        = string
}

variable "namespace" {
  description = "Kubernetes namespace of the collector (k8s/components/observability is applied in the apps' namespace)."
  type        = string
}

variable "collector_service_account" {
  description = "ServiceAccount of the collector; the only one allowed to write metrics and traces."
  type        = string
  default     = "otel-collector"
}

variable "rules_dir" {
  description = "Folder of the Prometheus rule files (*.rules.yml) loaded into the workspace: observability/prometheus/rules."
  type        = string
}

variable "alert_email" {
  description = "Address subscribed to the alerts topic (AWS asks it to confirm); null for none."
  type        = string
  default     = null
}

variable "grafana_admin_user_ids" {
  description = "IAM Identity Center user ids made admins of the Grafana workspace. Amazon Managed Grafana signs users in through IAM Identity Center, which must be enabled."
  type        = list(string)
  default     = []
}
