locals {
  name = "${var.project}-${var.environment}"

  # Namespace and service account of the pods (k8s/base); only the monolith calls AWS APIs.
  k8s_namespace = "mysfits"

  # One PostgreSQL instance per database, keyed by database name, valued by the owning service.
  # Separate instances rather than two databases in one: see "Two database instances" in terraform/README.md.
  databases = {
    auth = "auth"
    app  = "monolith"
  }
}

module "network" {
  source = "../../modules/network"

  name         = local.name
  cluster_name = local.name
  az_count     = var.az_count
}

module "eks" {
  source = "../../modules/eks"

  cluster_name           = local.name
  kubernetes_version     = var.kubernetes_version
  subnet_ids             = module.network.private_subnet_ids
  endpoint_public_access = var.cluster_endpoint_public_access
  public_access_cidrs    = var.cluster_endpoint_public_access_cidrs
  node_instance_types    = var.node_instance_types
  node_count             = var.node_count
  fargate_namespaces     = var.fargate_namespaces
}

module "alb_controller" {
  source = "../../modules/alb-controller"

  cluster_name      = module.eks.cluster_name
  vpc_id            = module.network.vpc_id
  oidc_provider_arn = module.eks.oidc_provider_arn

  # The controller's pods need nodes to run on.
  depends_on = [module.eks]
}

module "dynamodb" {
  source = "../../modules/dynamodb"

  name                = local.name
  deletion_protection = var.deletion_protection
}

module "monolith_irsa" {
  source = "../../modules/irsa"

  name              = "${local.name}-monolith"
  oidc_provider_arn = module.eks.oidc_provider_arn
  namespace         = local.k8s_namespace
  service_account   = "monolith"
  policy_json       = module.dynamodb.access_policy_json
}

module "postgres" {
  source   = "../../modules/rds"
  for_each = local.databases

  name                     = "${local.name}-${each.key}"
  database_name            = each.key
  owner                    = each.value
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  client_security_group_id = module.eks.cluster_security_group_id
  instance_class           = var.db_instance_class
  multi_az                 = var.db_multi_az
  deletion_protection      = var.deletion_protection
}

module "ecr" {
  source = "../../modules/ecr"

  namespace        = var.project
  repository_names = ["auth", "monolith", "like", "split"]
}
