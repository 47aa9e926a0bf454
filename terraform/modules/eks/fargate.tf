locals {
  fargate_profile_count = length(var.fargate_namespaces) > 0 ? 1 : 0
}

data "aws_iam_policy_document" "fargate_trust" {
  count = local.fargate_profile_count

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["eks-fargate-pods.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["${replace(aws_eks_cluster.this.arn, ":cluster/", ":fargateprofile/")}/*"]
    }
  }
}

resource "aws_iam_role" "fargate" {
  count = local.fargate_profile_count

  name               = "${var.cluster_name}-fargate"
  assume_role_policy = data.aws_iam_policy_document.fargate_trust[0].json
}

resource "aws_iam_role_policy_attachment" "fargate" {
  count = local.fargate_profile_count

  role       = aws_iam_role.fargate[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy"
}

resource "aws_eks_fargate_profile" "this" {
  count = local.fargate_profile_count

  cluster_name           = aws_eks_cluster.this.name
  fargate_profile_name   = "apps"
  pod_execution_role_arn = aws_iam_role.fargate[0].arn
  subnet_ids             = var.subnet_ids

  dynamic "selector" {
    for_each = toset(var.fargate_namespaces)

    content {
      namespace = selector.value
    }
  }

  depends_on = [aws_iam_role_policy_attachment.fargate]
}
