locals {
  name          = "${var.project}-${var.environment}"
  is_production = contains(["prod", "production"], var.environment)

  # The apps' namespace. Terraform creates it, with the labels of k8s/base/namespace.yaml (Pod Security
  # "restricted", ALB readiness gates), so that the deploy role needs no cluster-wide permission.
  k8s_namespace      = "mysfits"
  namespace_manifest = yamldecode(file("${path.module}/../../../k8s/base/namespace.yaml")).metadata

  # One PostgreSQL instance per database, keyed by database name: the owning service, and the database
  # role it signs in as with IAM authentication (created by the deploy's database-roles step).
  # Separate instances rather than two databases in one: see "Two database instances" in terraform/README.md.
  databases = {
    auth = { owner = "auth", service_role = "auth_service" }
    app  = { owner = "monolith", service_role = "monolith_service" }
  }

  # Service accounts (k8s/base, k8s/components/eks) with an IAM role, and the policies of each role.
  # like calls no AWS API and has none.
  service_account_policies = {
    auth = {
      database = module.postgres["auth"].connect_policy_json
    }
    monolith = {
      dynamodb   = module.dynamodb.access_policy_json
      tables-key = module.dynamodb.tables_key_policy_json
      database   = module.postgres["app"].connect_policy_json
    }
    # The data split's Job (k8s/components/legacy-split): it signs in to both databases as the services'
    # own roles, whose rights it needs, and sets the mysfits' Adopted flags.
    legacy-split = {
      dynamodb      = module.dynamodb.split_policy_json
      tables-key    = module.dynamodb.tables_key_policy_json
      auth-database = module.postgres["auth"].connect_policy_json
      app-database  = module.postgres["app"].connect_policy_json
    }
    # The database-roles step: reads the master credentials to create the service roles.
    database-admin = {
      auth-master-secret = module.postgres["auth"].read_master_secret_policy_json
      app-master-secret  = module.postgres["app"].read_master_secret_policy_json
    }
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

resource "kubernetes_namespace_v1" "apps" {
  metadata {
    name   = local.k8s_namespace
    labels = local.namespace_manifest.labels
  }

  lifecycle {
    precondition {
      condition     = local.namespace_manifest.name == local.k8s_namespace
      error_message = "k8s/base/namespace.yaml names another namespace than local.k8s_namespace."
    }
  }

  # Destroyed before the controllers: deleting the namespace deletes the Ingress, and the AWS Load Balancer
  # Controller (and ExternalDNS) must still run to remove the ALB (and the record) it made for it.
  depends_on = [module.eks, module.alb_controller, module.domain]
}

module "alb_controller" {
  source = "../../modules/alb-controller"

  cluster_name      = module.eks.cluster_name
  vpc_id            = module.network.vpc_id
  oidc_provider_arn = module.eks.oidc_provider_arn

  # The controller's pods need nodes to run on.
  depends_on = [module.eks]
}

module "domain" {
  source = "../../modules/domain"
  count  = var.domain_name == null ? 0 : 1

  domain_name       = var.domain_name
  hosted_zone_id    = var.hosted_zone_id
  cluster_name      = module.eks.cluster_name
  oidc_provider_arn = module.eks.oidc_provider_arn

  depends_on = [module.eks]
}

module "dynamodb" {
  source = "../../modules/dynamodb"

  name                = local.name
  deletion_protection = var.deletion_protection
}

module "postgres" {
  source   = "../../modules/rds"
  for_each = local.databases

  name                     = "${local.name}-${each.key}"
  database_name            = each.key
  owner                    = each.value.owner
  service_role             = each.value.service_role
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  client_security_group_id = module.eks.cluster_security_group_id
  instance_class           = var.db_instance_class
  multi_az                 = var.db_multi_az
  deletion_protection      = var.deletion_protection
}

module "service_account_roles" {
  source   = "../../modules/irsa"
  for_each = local.service_account_policies

  name              = "${local.name}-${each.key}"
  oidc_provider_arn = module.eks.oidc_provider_arn
  namespace         = local.k8s_namespace
  service_account   = each.key
  policies          = each.value
}

module "ecr" {
  source = "../../modules/ecr"

  namespace        = var.project
  repository_names = ["auth", "monolith", "like", "split"]
  force_delete     = !local.is_production
}

module "github_ci" {
  source = "../../modules/github-ci"
  count  = var.github_repository == null ? 0 : 1

  name                = "${local.name}-github-deploy"
  repository          = var.github_repository
  oidc_provider_arn   = var.github_oidc_provider_arn
  ecr_repository_arns = values(module.ecr.repository_arns)
  cluster_name        = module.eks.cluster_name
  cluster_arn         = module.eks.cluster_arn
  namespace           = local.k8s_namespace
}
