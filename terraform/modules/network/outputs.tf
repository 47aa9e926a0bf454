output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "public_subnet_ids" {
  description = "IDs of the public subnets (internet-facing load balancers, NAT gateways)."
  value       = [for subnet in aws_subnet.public : subnet.id]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets (nodes, pods, databases); each routes to the internet through the NAT gateway of its AZ."
  value       = [for subnet in aws_subnet.private : subnet.id]
}

output "private_route_table_ids" {
  description = "IDs of the private route tables, one per AZ."
  value       = [for table in aws_route_table.private : table.id]
}

output "vpc_cidr" {
  description = "IPv4 range of the VPC."
  value       = aws_vpc.this.cidr_block
}
