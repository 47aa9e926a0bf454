variable "domain_name" {
  description = "Public host name of the site, e.g. mysfits.example.com; must lie in the hosted zone."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 public hosted zone that holds domain_name: the certificate's validation records and the alias record go there."
  type        = string
}

variable "cluster_name" {
  description = "EKS cluster where ExternalDNS runs; also its TXT registry owner id."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider, for ExternalDNS's IRSA role."
  type        = string
}
