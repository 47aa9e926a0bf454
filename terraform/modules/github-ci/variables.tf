variable "name" {
  description = "Name of the IAM role."
  type        = string
}

variable "repository" {
  description = "GitHub repository whose workflows may assume the role, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository))
    error_message = "Give the repository as owner/name."
  }
}

variable "branch" {
  description = "The only branch whose workflow runs may assume the role."
  type        = string
  default     = "main"
}

variable "oidc_provider_arn" {
  description = "ARN of an existing IAM OIDC provider for token.actions.githubusercontent.com in this account; null creates one."
  type        = string
  default     = null
}

variable "ecr_repository_arns" {
  description = "ECR repositories the role may push to."
  type        = list(string)
}

variable "cluster_name" {
  description = "EKS cluster the role deploys to."
  type        = string
}

variable "cluster_arn" {
  description = "ARN of that cluster, for eks:DescribeCluster."
  type        = string
}

variable "namespace" {
  description = "The only Kubernetes namespace the role may change."
  type        = string
}
