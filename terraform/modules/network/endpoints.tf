data "aws_region" "current" {}

# Gateway endpoints are free and keep DynamoDB and S3 (ECR image layers) traffic inside the VPC,
# off the NAT gateways and their per-GB charge.
resource "aws_vpc_endpoint" "gateway" {
  for_each = toset(["dynamodb", "s3"])

  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.region}.${each.key}"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [for table in aws_route_table.private : table.id]

  tags = { Name = "${var.name}-${each.key}" }
}
