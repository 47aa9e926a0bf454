output "region" {
  description = "AWS region of the environment."
  value       = var.region
}

output "cluster_name" {
  description = "EKS cluster name, for aws eks update-kubeconfig."
  value       = module.eks.cluster_name
}

output "k8s_namespace" {
  description = "Namespace whose service accounts the IRSA roles trust."
  value       = local.k8s_namespace
}

output "monolith_role_arn" {
  description = "IRSA role for the monolith service account (eks.amazonaws.com/role-arn annotation)."
  value       = module.monolith_irsa.role_arn
}

output "alb_controller_role_arn" {
  description = "IRSA role of the AWS Load Balancer Controller."
  value       = module.alb_controller.role_arn
}

output "mysfits_table_name" {
  description = "DynamoDB table of mysfits."
  value       = module.dynamodb.mysfits_table_name
}

output "likes_table_name" {
  description = "DynamoDB table of likes."
  value       = module.dynamodb.likes_table_name
}

output "auth_db_endpoint" {
  description = "Host name of the auth service's PostgreSQL instance."
  value       = module.postgres["auth"].address
}

output "app_db_endpoint" {
  description = "Host name of the monolith's PostgreSQL instance."
  value       = module.postgres["app"].address
}

output "db_port" {
  description = "PostgreSQL port of both instances."
  value       = module.postgres["auth"].port
}

output "auth_db_secret_arn" {
  description = "Secrets Manager secret with the auth database's master credentials."
  value       = module.postgres["auth"].master_user_secret_arn
}

output "app_db_secret_arn" {
  description = "Secrets Manager secret with the app database's master credentials."
  value       = module.postgres["app"].master_user_secret_arn
}

output "ecr_repository_urls" {
  description = "ECR repository URL per application."
  value       = module.ecr.repository_urls
}

output "ecr_registry" {
  description = "Registry host, for docker login."
  value       = split("/", module.ecr.repository_urls["auth"])[0]
}
