output "certificate_arn" {
  description = "ARN of the issued ACM certificate, for the Ingress's certificate-arn annotation."
  value       = aws_acm_certificate_validation.this.certificate_arn
}

output "domain_name" {
  description = "Public host name of the site."
  value       = aws_acm_certificate.this.domain_name
}

output "external_dns_role_arn" {
  description = "IRSA role of ExternalDNS."
  value       = module.external_dns_irsa.role_arn
}
