variable "cluster_name" {
  description = "EKS cluster whose Ingresses and Services the controller reconciles."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster. Passed explicitly because IMDS is not reachable from pods (hop limit 1)."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider, for the controller's IRSA role."
  type        = string
}
