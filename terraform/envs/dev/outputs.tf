# The deploy command (tools/deploy) reads these from `terraform output -json`; a test checks that each
# output it reads is declared here with the type it expects. The explicit tostring/tonumber/tomap make that
# type visible in this file.

output "region" {
  description = "AWS region of the environment."
  value       = tostring(var.region)
}

output "cluster_name" {
  description = "EKS cluster name, for aws eks update-kubeconfig."
  value       = tostring(module.eks.cluster_name)
}

output "cluster_endpoint" {
  description = "URL of the cluster's API server: the deploy refuses a kube context that points elsewhere."
  value       = tostring(module.eks.cluster_endpoint)
}

output "k8s_namespace" {
  description = "Namespace of the apps, created by Terraform; the IRSA roles trust its service accounts."
  value       = tostring(local.k8s_namespace)
}

output "vpc_cidr" {
  description = "IPv4 range of the VPC, where the ALB's interfaces and RDS live (NetworkPolicies)."
  value       = tostring(module.network.vpc_cidr)
}

output "service_account_role_arns" {
  description = "IRSA role by Kubernetes service account (eks.amazonaws.com/role-arn annotation)."
  value       = tomap({ for account, role in module.service_account_roles : account => role.role_arn })
}

output "alb_controller_role_arn" {
  description = "IRSA role of the AWS Load Balancer Controller."
  value       = module.alb_controller.role_arn
}

output "mysfits_table_name" {
  description = "DynamoDB table of mysfits."
  value       = tostring(module.dynamodb.mysfits_table_name)
}

output "likes_table_name" {
  description = "DynamoDB table of likes."
  value       = tostring(module.dynamodb.likes_table_name)
}

output "auth_db_endpoint" {
  description = "Host name of the auth service's PostgreSQL instance."
  value       = tostring(module.postgres["auth"].address)
}

output "app_db_endpoint" {
  description = "Host name of the monolith's PostgreSQL instance."
  value       = tostring(module.postgres["app"].address)
}

output "auth_db_name" {
  description = "Database of the auth service in its instance."
  value       = tostring(module.postgres["auth"].database_name)
}

output "app_db_name" {
  description = "Database of the monolith in its instance."
  value       = tostring(module.postgres["app"].database_name)
}

output "db_port" {
  description = "PostgreSQL port of both instances."
  value       = tonumber(module.postgres["auth"].port)
}

output "auth_db_service_role" {
  description = "Database role the auth service signs in as, with IAM authentication."
  value       = tostring(module.postgres["auth"].service_role)
}

output "app_db_service_role" {
  description = "Database role the monolith signs in as, with IAM authentication."
  value       = tostring(module.postgres["app"].service_role)
}

output "auth_db_secret_arn" {
  description = "Secrets Manager secret with the auth database's master credentials (read only by the database-roles step)."
  value       = tostring(module.postgres["auth"].master_user_secret_arn)
}

output "app_db_secret_arn" {
  description = "Secrets Manager secret with the app database's master credentials (read only by the database-roles step)."
  value       = tostring(module.postgres["app"].master_user_secret_arn)
}

output "ecr_repository_urls" {
  description = "ECR repository URL per application."
  value       = tomap(module.ecr.repository_urls)
}

output "ecr_registry" {
  description = "Registry host, for docker login."
  value       = tostring(split("/", module.ecr.repository_urls["auth"])[0])
}

output "domain_name" {
  description = "Public host name of the site; null when the site is served over plain HTTP on the ALB's name."
  value       = tostring(one(module.domain[*].domain_name))
}

output "certificate_arn" {
  description = "ACM certificate of domain_name for the ALB's HTTPS listener; null without a domain."
  value       = tostring(one(module.domain[*].certificate_arn))
}

output "ci_role_arn" {
  description = "Role the GitHub Actions deploy workflow assumes through OIDC; null without github_repository."
  value       = tostring(one(module.github_ci[*].role_arn))
}
