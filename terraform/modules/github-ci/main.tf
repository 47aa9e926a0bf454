# The role GitHub Actions assumes on the main branch of one repository, through GitHub's OIDC tokens: no
# AWS key is stored anywhere. It may push the images and deploy into the app's namespace, nothing more.

locals {
  github_issuer = "token.actions.githubusercontent.com"
  # An account holds one OIDC provider per issuer: reuse the existing one when there is.
  oidc_provider_arn = coalesce(var.oidc_provider_arn, one(aws_iam_openid_connect_provider.github[*].arn))
}

data "aws_partition" "current" {}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.oidc_provider_arn == null ? 1 : 0

  url            = "https://${local.github_issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

# `sub` names the repository and the branch: pull requests, forks, tags and other branches get no role.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.github_issuer}:sub"
      values   = ["repo:${var.repository}:ref:refs/heads/${var.branch}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.github_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "deploy" {
  # GetAuthorizationToken has no resource type; the token only opens what the statements below allow.
  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushAndCheckImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = var.ecr_repository_arns
  }

  # For aws eks update-kubeconfig; what the role may do inside the cluster is the access entry below.
  statement {
    sid       = "FindTheCluster"
    actions   = ["eks:DescribeCluster"]
    resources = [var.cluster_arn]
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.deploy.json
}

# Kubernetes permissions: the edit policy, in the app's namespace only. Terraform creates that namespace,
# so the deploy never needs a cluster-wide permission.
resource "aws_eks_access_entry" "this" {
  cluster_name  = var.cluster_name
  principal_arn = aws_iam_role.this.arn
  type          = "STANDARD"
}

resource "aws_eks_access_policy_association" "edit_namespace" {
  cluster_name  = var.cluster_name
  principal_arn = aws_eks_access_entry.this.principal_arn
  policy_arn    = "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"

  access_scope {
    type       = "namespace"
    namespaces = [var.namespace]
  }
}
