output "prometheus_workspace_id" {
  description = "Amazon Managed Service for Prometheus workspace."
  value       = aws_prometheus_workspace.this.id
}

output "prometheus_endpoint" {
  description = "Prometheus-compatible endpoint of the workspace (ends in /): Grafana's data source URL."
  value       = aws_prometheus_workspace.this.prometheus_endpoint
}

output "remote_write_url" {
  description = "Where the collector writes metrics: AMP_REMOTE_WRITE_URL of k8s/components/observability."
  value       = "${aws_prometheus_workspace.this.prometheus_endpoint}api/v1/remote_write"
}

output "collector_role_arn" {
  description = "IRSA role of the collector's ServiceAccount (eks.amazonaws.com/role-arn)."
  value       = module.collector_irsa.role_arn
}

output "grafana_url" {
  description = "Amazon Managed Grafana workspace URL."
  value       = "https://${aws_grafana_workspace.this.endpoint}"
}

output "alerts_topic_arn" {
  description = "SNS topic every alert goes to; subscribe a pager, a chat hook or an address."
  value       = aws_sns_topic.alerts.arn
}
