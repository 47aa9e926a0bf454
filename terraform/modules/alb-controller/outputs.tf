output "role_arn" {
  description = "ARN of the controller's IRSA role."
  value       = module.irsa.role_arn
}

output "chart_version" {
  description = "Version of the aws-load-balancer-controller Helm chart that is installed."
  value       = helm_release.this.version
}
